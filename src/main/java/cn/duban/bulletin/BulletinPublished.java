package cn.duban.bulletin;

/**
 * R34: a bulletin was published; published as a Spring application event, within the transaction
 * that publishes it, so that the units' heads and the leaders can be told of it (R33).
 *
 * @param id the bulletin's id ({@code /api/bulletins/{id}/page} is its printable page)
 * @param period the period it covers, as people say it: 2026年11月 or 2026-11-03至2026-11-20
 * @param title its title, e.g. 督查通报（2026年11月）
 */
public record BulletinPublished(Long id, String period, String title) {
}
