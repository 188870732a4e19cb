package org.raccord.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raccord.tracking.SpokenDates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMS each showcase customer receives, replayed through Raccord ({@link SmsReplay}) in French and
 * English, checked against the rules a customer's phone must never break, and written as
 * {@code docs/sms-stories.md}: the checked-in document must be what the code produces, so that a
 * change of wording shows in review. {@code -Draccord.stories.write=true} rewrites it.
 */
class SmsStoriesTest {

    private static final Path DOCUMENT = Path.of("docs", "sms-stories.md");
    private static final Pattern MONTH = Pattern.compile("(\\S+) (\\d{1,2}(?:er)?) (janvier|février|mars|avril|mai|juin|juillet|août"
            + "|septembre|octobre|novembre|décembre)");
    private static final List<String> WEEKDAYS = List.of("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche");

    private static List<SmsReplay.Story> french;
    private static List<SmsReplay.Story> english;
    private static SmsReplay.Story burstFr;
    private static SmsReplay.Story burstEn;
    /** The showcase replayed with automatic breach prevention. */
    private static List<SmsReplay.Story> preventedFr;
    private static List<SmsReplay.Story> preventedEn;

    @BeforeAll
    static void replay() {
        SmsReplay replay = new SmsReplay();
        french = replay.replay("fr", at -> false);
        english = replay.replay("en", at -> false);
        int revised = indexOf(french, "DELIVERY_DATE_REVISED");
        List<Instant> times = SmsReplay.publications(revised);
        // The owner is out of reach from just before the delay is announced until after the appointment moves.
        Instant from = times.get(3).minus(Duration.ofMinutes(1));
        Instant to = times.get(5).plus(Duration.ofMinutes(1));
        burstFr = replay.replay("fr", at -> !at.isBefore(from) && at.isBefore(to)).get(revised);
        burstEn = replay.replay("en", at -> !at.isBefore(from) && at.isBefore(to)).get(revised);
        SmsReplay preventing = new SmsReplay(true);
        preventedFr = preventing.replay("fr", at -> false);
        preventedEn = preventing.replay("en", at -> false);
    }

    @Test
    void everyStoryKeepsTheRulesOfACustomersPhone() {
        for (SmsReplay.Story story : french) {
            checkRules(story, true);
        }
        for (SmsReplay.Story story : english) {
            checkRules(story, false);
        }
        checkRules(burstFr, true);
        checkRules(burstEn, false);
        for (int i = 0; i < preventedFr.size(); i++) {
            checkRules(preventedFr.get(i), true);
            checkRules(preventedEn.get(i), false);
        }
    }

    @Test
    void withPreventionTheLetterKeepsItsOldLineUntilTheNewOneAndARefusalIsToldWithTheRemedy() {
        SmsReplay.Story letter = preventedFr.get(indexOf(preventedFr, "CUSTOMER_LETTER"));
        assertThat(letter.breachAtCut()).as("no breach left at the cut").isFalse();
        assertThat(letter.gapWorkingDays()).isLessThanOrEqualTo(1);
        assertThat(letter.sms()).anySatisfy(s -> assertThat(s.text()).contains("restera active jusqu'à l'arrivée de la nouvelle")
                .doesNotContain("l'interruption de votre ligne ne dépassera plus"));

        SmsReplay.Story refused = preventedFr.get(SmsReplay.SHOWCASE - 1);
        assertThat(refused.breachAtCut()).as("the refusal leaves the breach").isTrue();
        assertThat(refused.sms().stream().filter(s -> s.arrives().isBefore(refused.cut().toInstant())))
                .anySatisfy(s -> {
                    assertThat(s.text()).contains("refuse de reporter la coupure", "jours ouvrés sans internet");
                    assertThat(s.text().split("Votre fournisseur vous appellera.", -1)).as("the remedy, once").hasSize(2);
                });
    }

    @Test
    void theLetterCaseHearsOfTheGapBeforeTheCutWithTheWorkingDaysAndWhatHappensNext() {
        SmsReplay.Story letter = french.get(indexOf(french, "CUSTOMER_LETTER"));
        assertThat(letter.breachAtCut()).as("the letter's case: a breach stands at the cut").isTrue();
        List<SmsReplay.Sms> beforeCut = letter.sms().stream().filter(s -> s.arrives().isBefore(letter.cut().toInstant())).toList();
        assertThat(beforeCut).anySatisfy(s -> assertThat(s.text())
                .contains("sans internet " + letter.gapAtCut() + " jours ouvrés")
                .contains("délai légal d'un jour ouvré").contains("Votre fournisseur vous appellera."));
    }

    @Test
    void aBurstOfChangesIsOneSmsThatKeepsEachChangesFacts() {
        List<SmsReplay.Sms> burst = burstFr.sms().stream().filter(s -> s.text().contains("reportée")).toList();
        assertThat(burst).hasSize(1);
        assertThat(burst.get(0).text()).contains("au lieu du").containsIgnoringCase("rendez-vous technicien")
                .contains(SpokenDates.day(burstFr.delivery(), false));
    }

    @Test
    void theDocumentIsWhatTheCodeSays() throws IOException {
        String written = StoryDocument.of(french, english, burstFr, burstEn, preventedFr, preventedEn);
        if (Boolean.getBoolean("raccord.stories.write")) {
            Files.writeString(DOCUMENT, written, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOCUMENT)).as(DOCUMENT + " exists (write it with -Draccord.stories.write=true)").isTrue();
        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
                .as("docs/sms-stories.md is generated: run mvn test -Dtest=SmsStoriesTest -Draccord.stories.write=true and review the change")
                .isEqualTo(written);
    }

    private static void checkRules(SmsReplay.Story story, boolean inFrench) {
        String who = story.scenario() + " " + story.order() + ": ";
        List<SmsReplay.Sms> sms = story.sms();
        assertThat(sms).as(who + "every customer hears something").isNotEmpty();
        Instant cut = story.cut() == null ? null : story.cut().toInstant();
        if (cut != null) {
            assertThat(sms.stream().filter(s -> s.states().containsKey("cutAt")).findFirst())
                    .as(who + "the first SMS that names the cut comes before it")
                    .hasValueSatisfying(s -> assertThat(s.arrives()).isBefore(cut));
        }
        if (story.breachAtCut()) {
            assertThat(sms).as(who + "a breach standing at the cut is told before the cut")
                    .anySatisfy(s -> {
                        assertThat(s.arrives()).isBefore(cut);
                        int days = s.states().getInt("breachWorkingDays", -1);
                        assertThat(days).as("states the breach").isPositive();
                        assertThat(s.text()).contains(days + (inFrench ? " jours ouvrés" : " working days"));
                    });
        }
        for (int i = 0; i < sms.size(); i++) {
            SmsReplay.Sms s = sms.get(i);
            List<SmsReplay.Sms> earlier = sms.subList(0, i);
            assertThat(s.parts()).as(who + "at most two parts: " + s.text()).isLessThanOrEqualTo(SmsTemplates.MAX_PARTS);
            if (s.text().startsWith("Rappel") || s.text().startsWith("Reminder") || s.text().contains("au lieu du")
                    || s.text().contains("instead of")) {
                assertThat(s.states().containsKey("cutAt") || s.states().containsKey("previousDeliveryDate"))
                        .as(who + "a text that refers to an earlier SMS says which fact it refers to: " + s.text()).isTrue();
            }
            if (s.text().startsWith("Rappel") || s.text().startsWith("Reminder")) {
                assertThat(earlier).as(who + "a reminder follows an SMS that named the same cut: " + s.text())
                        .anySatisfy(e -> assertThat(e.states().getString("cutAt", "")).isEqualTo(s.states().getString("cutAt")));
            }
            if (s.states().containsKey("previousDeliveryDate")) {
                assertThat(earlier).as(who + "a previous date was told before: " + s.text()).anySatisfy(e ->
                        assertThat(e.states().getString("deliveryDate", "")).isEqualTo(s.states().getString("previousDeliveryDate")));
            }
            if (i > 0) {
                assertThat(Duration.between(sms.get(i - 1).arrives(), s.arrives())).as(who + "no two SMS within the coalescing window")
                        .isGreaterThanOrEqualTo(SmsReplay.WINDOW);
            }
            if (inFrench) {
                checkFrenchDates(who, s.text());
            }
        }
    }

    /** Dates as a French reader expects them: "jeudi 10 décembre", "8 h 00"; never 2026-12-10, 10/12 or 08:00. */
    private static void checkFrenchDates(String who, String text) {
        assertThat(text).as(who + "no machine dates or times: " + text)
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}").doesNotContainPattern("\\d{1,2}/\\d{1,2}").doesNotContainPattern("\\d{1,2}:\\d{2}");
        Matcher m = MONTH.matcher(text);
        while (m.find()) {
            assertThat(WEEKDAYS).as(who + "a date names its weekday: " + m.group()).contains(m.group(1).toLowerCase(Locale.ROOT));
        }
    }

    static int indexOf(List<SmsReplay.Story> stories, String scenario) {
        for (int i = 0; i < stories.size(); i++) {
            if (stories.get(i).scenario().equals(scenario)) {
                return i;
            }
        }
        throw new IllegalArgumentException(scenario);
    }

    /** "2 d 20 h before" / "3 h after", in whole hours. */
    static String relative(Instant at, Instant reference) {
        Duration d = Duration.between(at, reference);
        boolean before = !d.isNegative();
        long hours = Math.round(Math.abs(d.toMinutes()) / 60.0);
        String span = hours >= 24 ? (hours / 24) + " d " + (hours % 24) + " h" : hours + " h";
        return span + (before ? " before" : " after");
    }

    static String paris(Instant at) {
        ZonedDateTime local = at.atZone(SpokenDates.PARIS);
        return SpokenDates.day(local.toLocalDate(), true) + String.format(" %02d:%02d", local.getHour(), local.getMinute());
    }

    static Instant deliveryMorning(LocalDate delivery) {
        return delivery.atTime(8, 0).atZone(SpokenDates.PARIS).toInstant();
    }
}
