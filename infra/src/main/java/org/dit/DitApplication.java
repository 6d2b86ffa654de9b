package org.dit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The DIT clinical workflow service: command side, query side and the event store in one process. */
@SpringBootApplication
public class DitApplication {

    public static void main(String[] args) {
        SpringApplication.run(DitApplication.class, args);
    }
}
