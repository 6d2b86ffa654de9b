package org.dit.eventstore;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dit.DitApplication;
import org.dit.support.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/** A wrong setting stops the start with a message that names the property, before the service takes any request. */
class ConfigurationValidationTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "dit.event-store.gap-timeout, 0s",
            "dit.event-store.gap-cleaning-threshold, 0",
            "dit.event-store.max-gap-offset, 10",
            "dit.http.max-request-size, 1KB",
            "dit.zone, Mars/Olympus_Mons"})
    void givenAWrongSetting_whenTheServiceStarts_thenItStopsNamingTheProperty(String property, String value) {
        SpringApplication application = new SpringApplication(DitApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--spring.profiles.active=test",
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--" + property + "=" + value).close())
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(namesTheProperty(messages(e), property))
                        .as(messages(e)).isTrue());
    }

    /** Spring names a bound field by its prefix and its camel-case name ("dit.http" … "maxRequestSize"). */
    private static boolean namesTheProperty(String messages, String property) {
        String prefix = property.substring(0, property.lastIndexOf('.'));
        String field = property.substring(property.lastIndexOf('.') + 1).replace("-", "");
        return messages.contains(property)
                || messages.contains(prefix) && messages.replace("-", "").toLowerCase().contains(field.toLowerCase());
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
