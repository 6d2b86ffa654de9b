package org.dit.demo;

import java.util.List;
import java.util.Random;

import org.dit.events.episode.Focus;

/** The words of the demo clinic. Every name is invented, and marked as demo data so no one mistakes it for a person. */
final class DemoTexts {

    static final List<String> QUALIFIED_NAMES = List.of("Juniper Quillfeather (demo)", "Ptolemy Inkwell (demo)",
            "Marigold Thistledown (demo)", "Orrin Fogglebrook (demo)", "Saffron Nettlewhistle (demo)");
    static final List<String> TRAINEE_NAMES = List.of("Casimir Puddlewick (demo)", "Wren Applebramble (demo)",
            "Bartholomew Snorkelby (demo)");

    static final List<String> CLIENT_GIVEN_NAMES = List.of("Tamsin", "Florian", "Ottoline", "Barnaby", "Isolde", "Quentin",
            "Peregrine", "Clementine", "Evander", "Philippa", "Lysander", "Rosalind", "Tobias", "Henrietta", "Ambrose",
            "Cordelia");
    static final List<String> CLIENT_FAMILY_NAMES = List.of("Mossbottom (demo)", "Fenwhistle (demo)",
            "Crumbleworth (demo)", "Dapplegate (demo)", "Hollyhock (demo)", "Tumbleweed (demo)", "Wobblestone (demo)",
            "Pennyfeather (demo)", "Bramblecombe (demo)", "Larkspur (demo)", "Gooseberry (demo)", "Ravelthorpe (demo)");

    static final List<String> REFERRAL_SOURCES = List.of("GP", "GP", "GP", "Self-referral", "Self-referral",
            "Community mental health team", "Occupational health", "University wellbeing service", "Perinatal service");

    static final List<Focus> FOCI = List.of(
            new Focus("Not good enough, always falling short", "Critical and disappointed", "Shame, then resentment",
                    "Works harder and never asks for help"),
            new Focus("An afterthought, easy to forget", "Preoccupied with others", "Quiet anger turning to sadness",
                    "Withdraws first so as not to be dropped"),
            new Focus("The one who must hold everyone together", "Fragile, likely to fall apart", "Anxiety and swallowed anger",
                    "Puts own needs aside to avoid conflict"),
            new Focus("Small and powerless", "Controlling and intrusive", "Fear with hidden rage",
                    "Complies on the surface, resists by disengaging"),
            new Focus("Unlovable unless useful", "Takes what is needed and moves on", "Emptiness and longing",
                    "Keeps relationships practical so as not to need anyone"),
            new Focus("Too much, a burden", "Tired and overwhelmed", "Guilt and loneliness",
                    "Hides distress to avoid being rejected"),
            new Focus("Invisible at work and at home", "Self-absorbed, oblivious", "Resentment, then despair",
                    "Keeps trying to please, then collapses"),
            new Focus("Always in the wrong", "Quick to blame", "Anxious vigilance",
                    "Anticipates criticism and apologises first"));

    static final List<String> REVISION_REASONS = List.of(
            "The pattern shows more clearly with the client's partner than at work; focus reworded with the client",
            "Client recognised the anger underneath the withdrawal; affect revised together in session");

    static final List<String> SUITABLE_NOTES = List.of(
            "Low mood closely tied to recurring relationship difficulties; motivated for a brief psychodynamic therapy",
            "Anxiety linked to a repeating pattern with authority figures; able to reflect on feelings in the assessment",
            "Difficulties began after a relationship ended; curious about own part in repeating patterns");
    static final List<String> UNSUITABLE_NOTES = List.of(
            "Difficulties better met by a trauma-focused therapy; referred back with advice",
            "Current alcohol use would prevent engagement; signposted to the addiction service",
            "Client prefers a practical, skills-based approach; signposted to guided self-help");

    static final List<String> EXTENSION_REASONS = List.of(
            "Bereavement during the course; four more sessions to work through the ending",
            "Slow to engage in the initial phase; focus now active and the work is productive",
            "Return of symptoms around a family crisis; two more sessions agreed in supervision");

    static final List<String> CLIENT_CANCELLATIONS = List.of("Client unwell", "Childcare fell through", "Work commitment",
            "Family emergency");
    static final List<String> THERAPIST_CANCELLATIONS = List.of("Therapist on leave", "Therapist unwell");
    static final List<String> SERVICE_CANCELLATIONS = List.of("Clinic room unavailable", "Building closed for maintenance");

    static final List<String> SESSION_NOTES = List.of(
            "Explored the row with her partner; the familiar pull to keep quiet was there, and she could name it",
            "Talked about the visit home; noticed how quickly he became the one who keeps the peace",
            "Quieter session; linked the tiredness at work to feeling overlooked in meetings",
            "Brought a dream about being left behind; we tied it to the focus together",
            "Angry with me for the break next week; we could stay with it, which felt new for her",
            "Reported standing her ground with a colleague for the first time; anxious afterwards but pleased");
    static final List<String> SAFETY_PLANS = List.of(
            "Will call a named friend when the thoughts come; crisis line number saved; GP appointment this week",
            "Keeps medication with partner for now; knows how to reach the crisis team out of hours",
            "Agreed warning signs and three things that help; will tell the therapist at the start of each session");
    static final List<String> RISK_ACTIONS = List.of(
            "GP informed with consent; discussed in supervision the same day",
            "Crisis team details given; risk reviewed at the start of each session",
            "Supervisor consulted; safety plan shared with the client in writing");
    static final List<String> SHORTER_COURSE_REASONS = List.of(
            "The focus is worked through; client and therapist agree to move to the ending",
            "Client starting a new job with long hours; agreed a shorter course rather than drop out");
    static final List<String> REASSIGNMENT_REASONS = List.of(
            "Therapist on long-term leave; client moved to a colleague in the same slot",
            "Caseloads rebalanced across the team; same weekly slot kept");
    static final String LEAVER_NAME = "Ignatius Wobblethorpe (demo)";
    static final String LEAVING = "Left the service for another trust";

    static final String MISSED_IN_ERROR = "Client arrived twenty minutes late and was seen; marked as missed by mistake";
    static final String WRONG_FORM = "Items transcribed from another client's form";
    static final String WRONG_RECORD = "Recorded on this client's record by mistake";

    private DemoTexts() {
    }

    static <T> T pick(List<T> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }
}
