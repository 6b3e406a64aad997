package cn.duban.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Records read by a long list of ids: a part of the list to a statement, each part one IN list. */
public final class InLists {

  /** How many ids one statement takes. */
  public static final int SIZE = 500;

  private InLists() {
  }

  /** What {@code statement} reads for every id, {@link #SIZE} ids to a call. */
  public static <I, R> List<R> read(List<I> ids, Function<List<I>, ? extends Collection<R>> statement) {
    List<R> out = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += SIZE) {
      out.addAll(statement.apply(ids.subList(from, Math.min(ids.size(), from + SIZE))));
    }
    return out;
  }
}
