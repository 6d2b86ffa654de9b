package org.dit.support;

/**
 * The invented master key of the test services (as in application-test.yml), for services started outside the test
 * profile: with an external database the service refuses to start without one.
 */
public final class TestMasterKey {

    public static final String BASE64 = "9XZatE5Fo9BP1rJwW8fvwOk0qsjDxjtO63xfPapJF8E=";

    private TestMasterKey() {
    }
}
