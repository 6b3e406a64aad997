package cn.duban.calendar;

import java.time.Instant;

/** A limit that re-timing moved: what it is (in Chinese, as the report shows it), before and after. */
public record LimitChange(String what, Instant before, Instant after) {
}
