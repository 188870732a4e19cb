package org.raccord.notification;

import java.time.Instant;
import java.util.List;

import org.raccord.tracking.SpokenDates;

/** docs/sms-stories.md, written from the replayed stories. */
final class StoryDocument {

    private static final List<String[]> TITLES = List.of(
            new String[] {"CUSTOMER_LETTER", "The customer letter: the old line cut days before the new one"},
            new String[] {"NOMINAL_FIBRE", "Nominal fibre"},
            new String[] {"COPPER_UNBUNDLING", "Copper with unbundling (the old access taken over)"},
            new String[] {"DELIVERY_DATE_REVISED", "Delivery date revised"},
            new String[] {"REJECTED", "Order rejected"},
            new String[] {"APPOINTMENT_MOVED", "Technician appointment moved"},
            new String[] {"CANCELLED", "Order cancelled"});

    private StoryDocument() {
    }

    static String of(List<SmsReplay.Story> french, List<SmsReplay.Story> english, SmsReplay.Story burstFr, SmsReplay.Story burstEn,
                     List<SmsReplay.Story> preventedFr, List<SmsReplay.Story> preventedEn) {
        StringBuilder md = new StringBuilder();
        md.append("# SMS stories\n\n")
                .append("What each customer of the simulator's showcase receives by SMS, exactly as the SMS platform would send it:\n")
                .append("after coalescing, with quiet hours, in French and English. **Generated** by `SmsStoriesTest`\n")
                .append("(`src/test/java/org/raccord/notification`), which replays the showcase lines (seed ").append(SmsReplay.SEED)
                .append(") through Raccord's real\npoller, rules and hook code on one clock. Do not edit by hand: ")
                .append("`mvn test -Dtest=SmsStoriesTest -Draccord.stories.write=true`\nrewrites it, and the test command fails while ")
                .append("this file differs from what the code says.\n\n")
                .append("Settings: the defaults (coalescing window ").append(SmsReplay.WINDOW.toSeconds())
                .append(" s, cut reminder ").append(SmsReplay.LEAD.toHours()).append(" h before the cut, quiet hours ")
                .append(SmsReplay.QUIET).append(" Paris time,\nGSM-7 transliteration on, breach remedy \"Votre fournisseur vous appellera.\").")
                .append(" Times are Paris time.\n\n")
                .append("Rules the test enforces on every story: the first SMS that names the cut arrives before the cut; a breach\n")
                .append("standing at the cut is stated before the cut; a reminder (\"Rappel\") follows an SMS that named the same cut;\n")
                .append("no two SMS within the coalescing window; every text at most two SMS parts; French dates spoken as\n")
                .append("\"jeudi 10 décembre\" and times as \"8 h 00\".\n");
        for (String[] title : TITLES) {
            int i = SmsStoriesTest.indexOf(french, title[0]);
            story(md, title[1], french.get(i), english.get(i));
        }
        story(md, "A burst of changes: the owner out of reach while a delivery date slips (delivery date revised, replayed with an outage)",
                burstFr, burstEn);
        int letter = SmsStoriesTest.indexOf(preventedFr, "CUSTOMER_LETTER");
        story(md, "The customer letter with breach prevention: Raccord asks the owner to cut the old line on the new one's delivery"
                + " day (replayed with raccord.prevention.mode=automatic)", preventedFr.get(letter), preventedEn.get(letter));
        int refused = SmsReplay.SHOWCASE - 1;
        story(md, "A breach the owner will not prevent: the delivery slips five weeks (civil works), beyond what the owner postpones"
                + " a cut for (replayed with raccord.prevention.mode=automatic)", preventedFr.get(refused), preventedEn.get(refused));
        return md.toString();
    }

    private static void story(StringBuilder md, String title, SmsReplay.Story fr, SmsReplay.Story en) {
        md.append("\n## ").append(title).append("\n\n");
        md.append("Order `").append(fr.order()).append("`. ");
        if (fr.cut() != null) {
            md.append("Old line cut: ").append(SmsTemplates.moment(fr.cut(), false)).append(". ");
        }
        if (fr.delivery() != null) {
            md.append("New line due: ").append(SpokenDates.day(fr.delivery(), false)).append(". ");
        }
        if (fr.gapWorkingDays() != null) {
            md.append("Without service: ");
            if (fr.gapAtCut() != null && !fr.gapAtCut().equals(fr.gapWorkingDays())) {
                md.append(fr.gapAtCut()).append(" working days when the line was cut, then ");
            }
            md.append(fr.gapWorkingDays()).append(" working days")
                    .append(fr.breachAtCut() ? ", beyond the legal one working day (a breach)" : "").append(". ");
        }
        md.append("\n\n| # | Arrives | Cut | Delivery day | Change | SMS (fr) | SMS (en) | Parts |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < Math.max(fr.sms().size(), en.sms().size()); i++) {
            SmsReplay.Sms f = i < fr.sms().size() ? fr.sms().get(i) : null;
            SmsReplay.Sms e = i < en.sms().size() ? en.sms().get(i) : null;
            SmsReplay.Sms any = f != null ? f : e;
            Instant at = any.arrives();
            md.append("| ").append(i + 1).append(" | ").append(SmsStoriesTest.paris(at)).append(" | ")
                    .append(fr.cut() == null ? "" : SmsStoriesTest.relative(at, fr.cut().toInstant())).append(" | ")
                    .append(fr.delivery() == null ? "" : SmsStoriesTest.relative(at, SmsStoriesTest.deliveryMorning(fr.delivery())))
                    .append(" | ").append(any.eventType()).append(" | ").append(f == null ? "" : cell(f.text())).append(" | ")
                    .append(e == null ? "" : cell(e.text())).append(" | ")
                    .append(f == null ? "" : f.parts() + " " + f.encoding()).append(" |\n");
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
