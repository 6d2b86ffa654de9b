package org.dit.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ActorsTest {

    private static String actor(String name) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (name != null) {
            request.setUserPrincipal((Principal) () -> name);
        }
        return Actors.of(request);
    }

    @Test
    void givenANameThatFits_thenItIsTheActor() {
        assertThat(actor("https://idp.example.test#dr-example")).isEqualTo("https://idp.example.test#dr-example");
        assertThat(actor("x".repeat(Actors.MAX_LENGTH))).hasSize(Actors.MAX_LENGTH);
        assertThat(actor(null)).isEqualTo(Actors.ANONYMOUS);
    }

    @Test
    void givenAnOverlongName_thenTheActorIsBoundedAndStillTellsTwoNamesApart() {
        String one = actor("x".repeat(300) + "1");
        String two = actor("x".repeat(300) + "2");

        assertThat(one).hasSizeLessThanOrEqualTo(Actors.MAX_LENGTH).startsWith("xxxx");
        assertThat(two).hasSizeLessThanOrEqualTo(Actors.MAX_LENGTH);
        assertThat(one).isNotEqualTo(two);
        assertThat(actor("x".repeat(300) + "1")).isEqualTo(one);
    }
}
