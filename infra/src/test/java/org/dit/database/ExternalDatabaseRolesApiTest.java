package org.dit.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dit.support.ApiTest;
import org.dit.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The suite's service runs on an external PostgreSQL set up as docs/database-roles.md says (dba/database-roles.sql,
 * SPRING_FLYWAY_USER=dit_owner, SPRING_DATASOURCE_USERNAME=dit_app): every API test runs the service as the runtime
 * role.
 */
@ApiTest
class ExternalDatabaseRolesApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theServiceRunsAsTheRuntimeRoleAndItsMigrationsRanAsTheOwner() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("dit_app");
        assertThat(TestDatabase.owner().queryForList("SELECT DISTINCT installed_by FROM flyway_schema_history", String.class))
                .containsExactly("dit_owner");
        assertThat(TestDatabase.owner().queryForList("""
                SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'""", String.class)).containsExactly("dit_owner");
        assertThatThrownBy(() -> jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER ALL"))
                .hasStackTraceContaining("must be owner");
        assertThatThrownBy(() -> jdbc.execute("SET session_replication_role = replica"))
                .hasStackTraceContaining("permission denied");
    }
}
