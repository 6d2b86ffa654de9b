package org.dit.containers;

import org.springframework.boot.autoconfigure.flyway.FlywayConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

class CourseOnPostgres15IT extends CourseOnPostgresContainer {

    @ServiceConnection
    static final LocalPostgresContainer POSTGRES = new LocalPostgresContainer(15);

    /** The container's @ServiceConnection serves the service and Flyway alike; the migrations run as the owner instead. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Migrations {
        @Bean
        @Primary
        FlywayConnectionDetails ownerConnection() {
            return POSTGRES.ownerConnection();
        }
    }

    @Override
    int major() {
        return 15;
    }
}
