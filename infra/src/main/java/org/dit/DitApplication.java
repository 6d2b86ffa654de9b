package org.dit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The DIT clinical workflow service: command side, query side and the event store in one process. */
@SpringBootApplication
public class DitApplication {

    static {
        // The service makes no calls home: Axon's update checker would try to reach get.axoniq.io at start.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(DitApplication.class, args);
    }
}
