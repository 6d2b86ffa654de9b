package org.dit.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.dit.support.ApiTest;
import org.dit.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A dashboard's login, a member of dit_reporting, reads the reporting views and nothing else. */
@ApiTest
class ReportingRoleTest {

    /** A database administrator creates the login: the service's own role may not. */
    final JdbcTemplate superuser = TestDatabase.superuser();

    private Connection asDashboard() throws SQLException {
        superuser.execute("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dashboard_test') THEN
                    CREATE ROLE dashboard_test LOGIN PASSWORD 'invented-test-secret' IN ROLE dit_reporting;
                  END IF;
                END $$""");
        String url = TestDatabase.postgres().getJdbcUrl("dashboard_test", "postgres");
        return DriverManager.getConnection(url, "dashboard_test", "invented-test-secret");
    }

    @Test
    void givenTheReportingRole_whenItSelectsTheViews_thenItReadsThem() throws SQLException {
        try (Connection connection = asDashboard(); Statement statement = connection.createStatement()) {
            for (String view : new String[] {"reporting.caseload", "reporting.waiting_list", "reporting.episode_outcomes"}) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + view)) {
                    assertThat(rs.next()).isTrue();
                }
            }
        }
    }

    @Test
    void givenTheReportingRole_whenItReadsTheEventLogOrAnyTable_thenItIsRefused() throws SQLException {
        for (String table : new String[] {"domain_event_entry", "caseload_episode", "outcome_episode", "cmd_therapist",
                "idempotency_record", "token_entry"}) {
            try (Connection connection = asDashboard(); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM public." + table))
                        .as(table).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        }
    }

    @Test
    void givenTheReportingRole_whenItTriesToWrite_thenItIsRefused() throws SQLException {
        try (Connection connection = asDashboard(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("CREATE TABLE reporting.sneaky (id int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }
}
