package org.raccord.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A line Raccord tracks: its order, its dates, the takeover of the previous provider's access, the
 * service gap between the two, and how fresh all this is. Only {@link LineRules} changes it, from
 * what the owner published; the timeline, revisions, alerts and milestones live beside it.
 */
@Entity
@Table(name = "tracked_line")
public class TrackedLine {

    @Id
    @SequenceGenerator(name = "tracked_line_seq", sequenceName = "tracked_line_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tracked_line_seq")
    private Long id;
    @Column(name = "order_reference", nullable = false, updatable = false)
    private String orderReference;
    @Column(name = "service_reference") private String serviceReference;
    @Column(name = "pto_reference") private String ptoReference;
    private String ndi;
    @Column(name = "phone_e164") private String phoneE164;
    private boolean fibre;
    @Column(name = "owner_state") private String ownerState;
    @Enumerated(EnumType.STRING) private ServiceState state;
    @Column(name = "ordered_at") private OffsetDateTime orderedAt;
    @Column(name = "requested_date") private LocalDate requestedDate;
    @Column(name = "committed_delivery_date") private LocalDate committedDeliveryDate;
    @Column(name = "appointment_start") private OffsetDateTime appointmentStart;
    @Column(name = "appointment_end") private OffsetDateTime appointmentEnd;
    @Column(name = "delivered_at") private OffsetDateTime deliveredAt;
    @Column(name = "in_service_at") private OffsetDateTime inServiceAt;
    @Column(name = "last_reason_code") private String lastReasonCode;
    @Column(name = "last_reason_label") private String lastReasonLabel;
    @Column(name = "losing_operator") private String losingOperator;
    @Enumerated(EnumType.STRING) @Column(name = "cutover_state") private CutoverState cutoverState;
    @Column(name = "cutover_planned_at") private OffsetDateTime cutoverPlannedAt;
    @Column(name = "cutover_done_at") private OffsetDateTime cutoverDoneAt;
    @Enumerated(EnumType.STRING) @Column(name = "porting_state") private PortingState portingState;
    @Column(name = "gap_calendar_days") private Integer gapCalendarDays;
    @Column(name = "gap_working_days") private Integer gapWorkingDays;
    @Column(name = "gap_breach") private boolean gapBreach;
    @Column(name = "upstream_sequence") private long upstreamSequence = -1;
    @Column(name = "cutover_sequence") private long cutoverSequence = -1;
    @Column(name = "confirmed_at") private OffsetDateTime confirmedAt;
    @Column(name = "changed_at") private OffsetDateTime changedAt;
    @Column(name = "registered_at", updatable = false) private OffsetDateTime registeredAt;
    @Column(name = "next_check_at") private OffsetDateTime nextCheckAt;
    @Column(name = "contact_mobile") private String contactMobile;
    @Column(name = "contact_language") private String contactLanguage;
    @Column(name = "imminent_announced_for") private OffsetDateTime imminentAnnouncedFor;
    @Column(name = "owner_unknown_since") private OffsetDateTime ownerUnknownSince;
    /** How many events this line has written to the outbox: numbers them in commit order (see OutboxEvent). */
    @Column(name = "events_written") private long eventsWritten;
    @Version private long version;

    protected TrackedLine() {
    }

    /** A line first seen now, by its order reference (from the feed or a registration). */
    public static TrackedLine first(String orderReference, OffsetDateTime now) {
        TrackedLine line = new TrackedLine();
        line.orderReference = orderReference;
        line.state = ServiceState.ACKNOWLEDGED;
        line.registeredAt = now;
        line.confirmedAt = now;
        line.changedAt = now;
        line.nextCheckAt = now;
        return line;
    }

    // --- read side ---------------------------------------------------------------------------
    public Long id() { return id; }
    public String orderReference() { return orderReference; }
    public String serviceReference() { return serviceReference; }
    public String ptoReference() { return ptoReference; }
    public String ndi() { return ndi; }
    public String phoneE164() { return phoneE164; }
    public boolean fibre() { return fibre; }
    public String ownerState() { return ownerState; }
    public ServiceState state() { return state; }
    public OffsetDateTime orderedAt() { return orderedAt; }
    public LocalDate requestedDate() { return requestedDate; }
    public LocalDate committedDeliveryDate() { return committedDeliveryDate; }
    public AppointmentWindow appointment() {
        return appointmentStart == null ? null : new AppointmentWindow(appointmentStart, appointmentEnd);
    }
    public OffsetDateTime deliveredAt() { return deliveredAt; }
    public OffsetDateTime inServiceAt() { return inServiceAt; }
    public Reason lastReason() {
        return lastReasonCode == null ? null : Reason.stored(lastReasonCode, lastReasonLabel, true);
    }
    public String losingOperator() { return losingOperator; }
    public CutoverState cutoverState() { return cutoverState; }

    /** The planned cut while it stands: none once the cut was called off (the time is kept for the record). */
    public OffsetDateTime cutoverPlannedStanding() {
        return cutoverState == CutoverState.CANCELLED ? null : cutoverPlannedAt;
    }
    public OffsetDateTime cutoverPlannedAt() { return cutoverPlannedAt; }
    public OffsetDateTime cutoverDoneAt() { return cutoverDoneAt; }
    public PortingState portingState() { return portingState; }
    public Integer gapCalendarDays() { return gapCalendarDays; }
    public Integer gapWorkingDays() { return gapWorkingDays; }
    public boolean gapBreach() { return gapBreach; }
    public long upstreamSequence() { return upstreamSequence; }
    public long cutoverSequence() { return cutoverSequence; }
    public OffsetDateTime confirmedAt() { return confirmedAt; }
    public OffsetDateTime changedAt() { return changedAt; }
    public OffsetDateTime registeredAt() { return registeredAt; }
    public OffsetDateTime nextCheckAt() { return nextCheckAt; }
    /** The mobile number (E.164) that gets this line's SMS, and in which language (fr, en). */
    public String contactMobile() { return contactMobile; }
    public String contactLanguage() { return contactLanguage; }
    /** The planned cut that "cutover imminent" was announced for (announced once per planned time). */
    public OffsetDateTime imminentAnnouncedFor() { return imminentAnnouncedFor; }
    /** Since when the owner answers that it does not know this order (null while it knows it). */
    public OffsetDateTime ownerUnknownSince() { return ownerUnknownSince; }
    /** Changes whenever the line is written, confirmations included: the basis of its ETag. */
    public long version() { return version; }

    // --- changes: package-private, made by the rules (LineRules and its helpers) for what the
    // owner says, and by LineLedger for Raccord's own bookkeeping (contact, check schedule,
    // announcements); nothing outside tracking can change a line ------------------------------
    void references(String service, String pto, String ndi, Boolean fibre) {
        if (service != null) { this.serviceReference = service; }
        if (pto != null) { this.ptoReference = pto; }
        if (ndi != null) { this.ndi = ndi; }
        if (fibre != null) { this.fibre = fibre; }
    }
    void phone(String e164) { this.phoneE164 = e164; }
    void contact(Contact contact) {
        this.contactMobile = contact.mobileE164();
        this.contactLanguage = contact.language();
    }
    void imminentAnnounced(OffsetDateTime plannedCut) { this.imminentAnnouncedFor = plannedCut; }
    void state(ServiceState state, String ownerState) {
        this.state = state;
        if (ownerState != null) { this.ownerState = ownerState; }
    }
    void ordered(OffsetDateTime at, LocalDate requested) {
        if (at != null) { this.orderedAt = at; }
        if (requested != null) { this.requestedDate = requested; }
    }
    void committedDelivery(LocalDate date) { this.committedDeliveryDate = date; }
    void appointment(AppointmentWindow window) {
        this.appointmentStart = window == null ? null : window.start();
        this.appointmentEnd = window == null ? null : window.end();
    }
    void delivered(OffsetDateTime at) { this.deliveredAt = at; }
    void inService(OffsetDateTime at) { this.inServiceAt = at; }
    void lastReason(Reason reason) {
        this.lastReasonCode = reason == null ? null : reason.code();
        this.lastReasonLabel = reason == null ? null : reason.label();
    }
    void cutover(CutoverState state, String losingOperator, OffsetDateTime plannedAt, OffsetDateTime doneAt) {
        if (state != null) { this.cutoverState = state; }
        if (losingOperator != null) { this.losingOperator = losingOperator; }
        if (plannedAt != null) { this.cutoverPlannedAt = plannedAt; }
        if (doneAt != null) { this.cutoverDoneAt = doneAt; }
    }
    void porting(PortingState porting) { this.portingState = porting; }
    void gap(ServiceGap gap) {
        this.gapCalendarDays = gap == null ? null : gap.calendarDays();
        this.gapWorkingDays = gap == null ? null : gap.workingDays();
        this.gapBreach = gap != null && gap.breach();
    }
    void orderSequence(long sequence) { this.upstreamSequence = Math.max(upstreamSequence, sequence); }
    void cutoverSequence(long sequence) { this.cutoverSequence = Math.max(cutoverSequence, sequence); }
    void confirmed(OffsetDateTime at) {
        this.confirmedAt = at;
        this.ownerUnknownSince = null;
    }
    void unknownToOwner(OffsetDateTime at) {
        if (ownerUnknownSince == null) { this.ownerUnknownSince = at; }
    }
    void changed(OffsetDateTime at) { this.changedAt = at; }
    void nextCheck(OffsetDateTime at) { this.nextCheckAt = at; }

    /**
     * The number of this line's next outbox event. Counting changes the line, so its version moves:
     * two transactions cannot both commit the same number, whichever instances run them.
     */
    long nextEventNumber() { return ++eventsWritten; }
}
