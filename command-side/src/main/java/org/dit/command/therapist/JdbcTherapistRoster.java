package org.dit.command.therapist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dit.events.EpisodeId;
import org.dit.events.TherapistId;
import org.dit.events.episode.EpisodeStatus;
import org.dit.events.therapist.Accreditation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lookups in PostgreSQL (tables cmd_therapist, cmd_caseload, cmd_session_slot, cmd_episode_stage). Checks that involve one therapist
 * first lock that therapist's row, so concurrent allocations or bookings for one therapist are decided one after the
 * other, on committed data.
 */
@Component
class JdbcTherapistRoster implements TherapistRoster, RosterWriter {

    private final JdbcTemplate jdbc;

    JdbcTherapistRoster(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void requireQualifiedSupervisor(TherapistId supervisorId) {
        List<String> found = jdbc.queryForList(
                "SELECT accreditation FROM cmd_therapist WHERE therapist_id = ? AND active", String.class,
                supervisorId.value());
        if (found.isEmpty() || !Accreditation.QUALIFIED.name().equals(found.get(0))) {
            throw new SupervisorNotQualified("supervisor " + supervisorId + " is not a registered, active, qualified therapist");
        }
    }

    @Override
    public void requireRoomInCaseload(TherapistId therapistId) {
        Therapist therapist = lock(therapistId);
        if (!therapist.active()) {
            throw new TherapistInactive("therapist " + therapistId + " is not active");
        }
        Integer active = jdbc.queryForObject(
                "SELECT count(*) FROM cmd_caseload WHERE therapist_id = ? AND NOT ended", Integer.class, therapistId.value());
        if (active != null && active >= therapist.maxCaseload()) {
            throw new TherapistAtCapacity("therapist " + therapistId + " already holds " + active + " of "
                    + therapist.maxCaseload() + " episodes");
        }
    }

    @Override
    public void requireFreeSlot(TherapistId therapistId, EpisodeId episodeId, int sessionNumber, Instant startsAt,
                                Instant endsAt) {
        List<Timestamp> clashes = clashes(therapistId, episodeId, sessionNumber, startsAt, endsAt);
        if (!clashes.isEmpty()) {
            throw new TherapistDoubleBooked("therapist " + therapistId + " already has a session at "
                    + clashes.get(0).toInstant());
        }
    }

    @Override
    public boolean slotFree(TherapistId therapistId, EpisodeId episodeId, int sessionNumber, Instant startsAt,
                            Instant endsAt) {
        return clashes(therapistId, episodeId, sessionNumber, startsAt, endsAt).isEmpty();
    }

    /**
     * The slots of the therapist that overlap [startsAt, endsAt), read only among those starting in the 4 hours
     * before it (no slot is longer: V61), so the check does not grow with the diary.
     */
    private List<Timestamp> clashes(TherapistId therapistId, EpisodeId episodeId, int sessionNumber, Instant startsAt,
                                    Instant endsAt) {
        lock(therapistId);
        return jdbc.queryForList("""
                SELECT starts_at FROM cmd_session_slot
                 WHERE therapist_id = ? AND starts_at < ? AND ends_at > ?
                   AND starts_at > CAST(? AS timestamptz) - interval '4 hours'
                   AND NOT (episode_id = ? AND session_number = ?)
                 LIMIT 1""", Timestamp.class,
                therapistId.value(), Timestamp.from(endsAt), Timestamp.from(startsAt), Timestamp.from(startsAt),
                episodeId.value(), sessionNumber);
    }

    @Override
    public List<EpisodeId> openEpisodes(TherapistId therapistId) {
        return jdbc.queryForList("SELECT episode_id FROM cmd_caseload WHERE therapist_id = ? AND NOT ended ORDER BY episode_id",
                UUID.class, therapistId.value()).stream().map(EpisodeId::new).toList();
    }

    private Therapist lock(TherapistId therapistId) {
        List<Therapist> rows = jdbc.query(
                "SELECT max_caseload, active FROM cmd_therapist WHERE therapist_id = ? FOR UPDATE",
                (rs, i) -> new Therapist(rs.getInt(1), rs.getBoolean(2)), therapistId.value());
        if (rows.isEmpty()) {
            throw new TherapistUnknown("therapist " + therapistId + " is not registered");
        }
        return rows.get(0);
    }

    @Override
    public void register(TherapistId therapistId, Accreditation accreditation, int maxCaseload) {
        jdbc.update("INSERT INTO cmd_therapist (therapist_id, accreditation, max_caseload, active) VALUES (?, ?, ?, TRUE)",
                therapistId.value(), accreditation.name(), maxCaseload);
    }

    @Override
    public void changeMaxCaseload(TherapistId therapistId, int maxCaseload) {
        jdbc.update("UPDATE cmd_therapist SET max_caseload = ? WHERE therapist_id = ?", maxCaseload, therapistId.value());
    }

    @Override
    public void deactivate(TherapistId therapistId) {
        jdbc.update("UPDATE cmd_therapist SET active = FALSE WHERE therapist_id = ?", therapistId.value());
    }

    @Override
    public void reassign(EpisodeId episodeId, TherapistId therapistId, List<Integer> sessionNumbers) {
        jdbc.update("UPDATE cmd_caseload SET therapist_id = ? WHERE episode_id = ?", therapistId.value(), episodeId.value());
        jdbc.update("UPDATE cmd_session_slot SET therapist_id = ? WHERE episode_id = ? AND session_number = ANY (?)",
                ps -> {
                    ps.setObject(1, therapistId.value());
                    ps.setObject(2, episodeId.value());
                    ps.setArray(3, ps.getConnection().createArrayOf("integer", sessionNumbers.toArray()));
                });
    }

    @Override
    public void allocate(TherapistId therapistId, EpisodeId episodeId) {
        jdbc.update("INSERT INTO cmd_caseload (episode_id, therapist_id) VALUES (?, ?)", episodeId.value(), therapistId.value());
    }

    @Override
    public void release(EpisodeId episodeId) {
        jdbc.update("UPDATE cmd_caseload SET ended = TRUE WHERE episode_id = ?", episodeId.value());
    }

    @Override
    public void reserve(TherapistId therapistId, EpisodeId episodeId, int sessionNumber, Instant startsAt, Instant endsAt) {
        jdbc.update("INSERT INTO cmd_session_slot (episode_id, session_number, therapist_id, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)",
                episodeId.value(), sessionNumber, therapistId.value(), Timestamp.from(startsAt), Timestamp.from(endsAt));
    }

    @Override
    public void move(EpisodeId episodeId, int sessionNumber, Instant startsAt) {
        jdbc.update("""
                UPDATE cmd_session_slot SET starts_at = ?, ends_at = CAST(? AS timestamptz) + (ends_at - starts_at)
                 WHERE episode_id = ? AND session_number = ?""",
                Timestamp.from(startsAt), Timestamp.from(startsAt), episodeId.value(), sessionNumber);
    }

    @Override
    public void free(EpisodeId episodeId, int sessionNumber) {
        jdbc.update("DELETE FROM cmd_session_slot WHERE episode_id = ? AND session_number = ?", episodeId.value(), sessionNumber);
    }

    @Override
    public void stage(EpisodeId episodeId, EpisodeStatus status) {
        jdbc.update("""
                INSERT INTO cmd_episode_stage (episode_id, status) VALUES (?, ?)
                ON CONFLICT (episode_id) DO UPDATE SET status = excluded.status""", episodeId.value(), status.name());
    }

    /**
     * Readers (the access checks read cmd_caseload and cmd_episode_stage) still see the old rows until the caller commits; writers and the
     * checks' row locks wait, then see the new rows. The tables are locked in the order every command touches them.
     */
    @Override
    public void clear() {
        jdbc.execute("LOCK TABLE cmd_therapist, cmd_caseload, cmd_episode_stage, cmd_session_slot IN EXCLUSIVE MODE");
        jdbc.update("DELETE FROM cmd_episode_stage");
        jdbc.update("DELETE FROM cmd_session_slot");
        jdbc.update("DELETE FROM cmd_caseload");
        jdbc.update("DELETE FROM cmd_therapist");
    }

    private record Therapist(int maxCaseload, boolean active) {
    }
}
