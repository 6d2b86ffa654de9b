package org.dit.containers;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

class CourseOnPostgres17IT extends CourseOnPostgresContainer {

    @ServiceConnection
    static final LocalPostgresContainer POSTGRES = new LocalPostgresContainer(17);

    @Override
    int major() {
        return 17;
    }
}
