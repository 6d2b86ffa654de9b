package org.dit.audit;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes the hash chain from the stored events, page by page (constant memory), and reports the first global
 * index where the log no longer matches: an edited, deleted, moved or inserted event.
 */
@Component
class ChainVerifier {

    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;

    ChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Verification(long verifiedEvents, Long firstBrokenGlobalIndex, String headHash) {
    }

    private record Link(long chainPosition, long globalIndex, byte[] hash) {
    }

    Verification verify() {
        byte[] previous = null;
        long verified = 0;
        long after = 0;
        while (true) {
            List<Link> links = jdbc.query("""
                    SELECT chain_position, global_index, link_hash FROM audit_hash_chain
                     WHERE chain_position > ? ORDER BY chain_position LIMIT ?""",
                    (rs, i) -> new Link(rs.getLong(1), rs.getLong(2), rs.getBytes(3)), after, PAGE);
            if (links.isEmpty()) {
                break;
            }
            Long[] indexes = links.stream().map(Link::globalIndex).toArray(Long[]::new);
            Map<Long, ChainLink.StoredEvent> rows = jdbc.query("SELECT " + ChainLink.EVENT_COLUMNS
                            + " FROM domain_event_entry WHERE global_index = ANY (?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", indexes)),
                    (rs, i) -> ChainLink.StoredEvent.read(rs)).stream()
                    .collect(Collectors.toMap(ChainLink.StoredEvent::globalIndex, Function.identity()));
            for (Link link : links) {
                ChainLink.StoredEvent row = rows.get(link.globalIndex());
                byte[] expected = row == null ? null : ChainLink.next(previous, row);
                if (expected == null || !Arrays.equals(expected, link.hash())) {
                    return new Verification(verified, link.globalIndex(), hex(previous));
                }
                previous = link.hash();
                verified++;
            }
            after = links.get(links.size() - 1).chainPosition();
        }
        Long unchained = jdbc.queryForObject("""
                SELECT min(e.global_index) FROM domain_event_entry e
                 WHERE e.global_index <= (SELECT coalesce(max(global_index), 0) FROM audit_hash_chain)
                   AND NOT EXISTS (SELECT 1 FROM audit_hash_chain c WHERE c.global_index = e.global_index)""", Long.class);
        return new Verification(verified, unchained, hex(previous));
    }

    private static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }
}
