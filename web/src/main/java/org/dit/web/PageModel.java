package org.dit.web;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shell tells its scripts: the clinic's time zone, in which every date is shown. */
@ControllerAdvice(assignableTypes = Pages.class)
class PageModel {

    private final ZoneId zone;

    PageModel(@Value("${dit.zone:Europe/London}") ZoneId zone) {
        this.zone = zone;
    }

    @ModelAttribute("clinicZone")
    String clinicZone() {
        return zone.getId();
    }
}
