package cn.duban.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a notice says besides its kind, number, addressee and dates, field by field as it was
 * issued: the page shows these, so nothing is ever read back out of the flattened text. They are
 * the issued document's own words (unit and person names as they were that day), not references
 * to the case, which may change after the notice went out.
 *
 * <p>{@code demand} is the paragraph that tells the unit what to do by when. The rows (co-units …
 * quality standard) are null only on a notice of the oldest format, which had none of them
 * (Flyway V10 filled what each old notice said); the page then leaves the row out.
 */
@Embeddable
public record NoticeFields(
    @Column(nullable = false) String demand,
    @Column(name = "co_units") String coUnits,
    @Column(name = "responsible_person") String responsiblePerson,
    String requirement,
    String milestones,
    @Column(name = "quality_standard") String qualityStandard,
    @Column(name = "issuing_office", nullable = false) String issuingOffice) {
}
