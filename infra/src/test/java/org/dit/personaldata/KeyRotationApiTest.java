package org.dit.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dit.support.Clinic.accepted;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.dit.support.Api;
import org.dit.support.ApiTest;
import org.dit.support.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Master-key rotation re-wraps every key under the current master key; nothing in the event log changes. */
@ApiTest
class KeyRotationApiTest {

    /** The earlier master key of application-test.yml. */
    private static final byte[] PREVIOUS = MasterKeys.decode("SEz3IboW47R+6AHHGUl9nVDVJnYPbno/oHA0iYvAHMU=", "previous");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MasterKeys masterKeys;
    @Autowired
    KeyStore keyStore;

    Api lead;
    Clinic clinic;

    @BeforeEach
    void setUp() {
        lead = new Api(port);
        clinic = new Clinic(lead);
    }

    @Test
    void givenKeysStillUnderThePreviousMasterKey_whenRotated_thenEachIsUnderTheCurrentOneAndTheLogIsUnchanged() {
        Map<String, Object> registration = Clinic.inventedClient();
        String clientId = clinic.registerClient(registration);
        String episodeId = clinic.referClient(clientId);
        Map<String, Object> assessment = new HashMap<>(Clinic.suitableAssessment());
        assessment.put("notes", "Worried about the Pumpernickel inheritance");
        accepted(lead.post("/api/episodes/" + episodeId + "/assessment", assessment));
        clinic.clientWhen(clientId, c -> c.get("episodes").size() == 1);
        underThePreviousMasterKey(UUID.fromString(clientId));
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        String logBefore = digestOfTheLogUpTo(head);

        Api.Response rotated = lead.as("admin").post("/api/admin/keys/rotation", null);

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        JsonNode rotation = rotated.json();
        assertThat(rotation.get("masterKeyId").asText()).isEqualTo(masterKeys.current().id());
        assertThat(rotation.get("dataKeysRewrapped").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(rotation.get("indexKeysRewrapped").asInt()).isEqualTo(1);
        assertThat(rotation.get("underOtherMasterKeys").asLong()).isZero();
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT master_key_id FROM crypto_data_key WHERE master_key_id IS NOT NULL
                 UNION SELECT master_key_id FROM crypto_index_key""", String.class))
                .containsExactly(masterKeys.current().id());
        assertThat(digestOfTheLogUpTo(head)).as("the log's bytes").isEqualTo(logBefore);

        keyStore.forget(UUID.fromString(clientId));
        JsonNode client = lead.get("/api/clients/" + clientId).json();
        assertThat(client.get("familyName").asText()).isEqualTo(registration.get("familyName"));
        assertThat(lead.get("/api/clients?nhsNumber=" + registration.get("nhsNumber")).json().get("total").asLong()).isEqualTo(1);
        assertThat(lead.as("auditor").get("/api/audit/episodes/" + episodeId + "/events").text())
                .contains("Worried about the Pumpernickel inheritance");
        assertThat(lead.as("auditor").get("/api/audit/verify").json().get("firstBrokenGlobalIndex").isNull()).isTrue();

        JsonNode again = lead.as("admin").post("/api/admin/keys/rotation", null).json();
        assertThat(again.get("dataKeysRewrapped").asInt()).isZero();
        assertThat(again.get("indexKeysRewrapped").asInt()).isZero();
    }

    @Test
    void givenAnyoneButAnAdministrator_whenRotating_then403() {
        for (String user : List.of("supervisor", "auditor", "reporting")) {
            assertThat(lead.as(user).post("/api/admin/keys/rotation", null).status()).as(user).isEqualTo(403);
        }
    }

    /** As a store looks before its operator rotated: the client's data key and the index key wrapped by the earlier key. */
    private void underThePreviousMasterKey(UUID clientId) {
        MasterKeys previous = new MasterKeys(PREVIOUS, List.of(), "test");
        Map<String, Object> data = jdbc.queryForMap(
                "SELECT wrapped_key, master_key_id FROM crypto_data_key WHERE client_id = ?", clientId);
        String dataPurpose = KeyStore.dataPurpose(clientId);
        byte[] dataKey = masterKeys.unwrap((byte[]) data.get("wrapped_key"), (String) data.get("master_key_id"), dataPurpose);
        jdbc.update("UPDATE crypto_data_key SET wrapped_key = ?, master_key_id = ? WHERE client_id = ?",
                previous.wrap(dataKey, dataPurpose), previous.current().id(), clientId);
        Map<String, Object> index = jdbc.queryForMap(
                "SELECT wrapped_key, master_key_id FROM crypto_index_key WHERE purpose = ?", HmacBlindIndex.PURPOSE);
        String indexPurpose = KeyStore.indexPurpose(HmacBlindIndex.PURPOSE);
        byte[] indexKey = masterKeys.unwrap((byte[]) index.get("wrapped_key"), (String) index.get("master_key_id"), indexPurpose);
        jdbc.update("UPDATE crypto_index_key SET wrapped_key = ?, master_key_id = ? WHERE purpose = ?",
                previous.wrap(indexKey, indexPurpose), previous.current().id(), HmacBlindIndex.PURPOSE);
    }

    private String digestOfTheLogUpTo(long head) {
        return jdbc.queryForObject("""
                SELECT md5(string_agg(global_index || ':' || encode(payload, 'hex') || ':' || encode(meta_data, 'hex'), ','
                                      ORDER BY global_index))
                  FROM domain_event_entry WHERE global_index <= ?""", String.class, head);
    }
}
