package org.dit.containers;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

class CourseOnPostgres15IT extends CourseOnPostgresContainer {

    @ServiceConnection
    static final LocalPostgresContainer POSTGRES = new LocalPostgresContainer(15);

    @Override
    int major() {
        return 15;
    }
}
