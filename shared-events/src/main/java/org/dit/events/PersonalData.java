package org.dit.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component of an event that holds personal data: the event store keeps it encrypted under the data key of
 * the client it is about, and it reads as null once that key is destroyed (erasure). Give such components reference
 * types, so that null can stand for "no longer known".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {
}
