package org.dit.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page shells of the web application (docs/web.md). A page holds no clinical data of its own: its ES module asks
 * the service's own HTTP API for it with the session cookie, so every rule and every access check of the API applies.
 * Each page declares who may open it, with the same expressions as the endpoints it calls; anyone else gets the 403
 * page. Ids are the only client-related things in an address.
 */
@Controller
class Pages {

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Authentication user) {
        if (has(user, "ADMIN")) {
            return "redirect:/reception";
        }
        if (has(user, "THERAPIST")) {
            return "redirect:/diary";
        }
        if (has(user, "SUPERVISOR")) {
            return "redirect:/supervision";
        }
        if (has(user, "AUDITOR")) {
            return "redirect:/audit";
        }
        if (has(user, "REPORTING")) {
            return "redirect:/dashboard";
        }
        return "redirect:/forbidden";
    }

    @GetMapping("/sign-in")
    @PreAuthorize("permitAll()")
    String signIn(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("error", switch (error == null ? "" : error) {
            case "" -> null;
            case "throttled" -> "Too many failed sign-ins for this name or from this device. Wait a few minutes and try again.";
            case "busy" -> "The service is busy signing people in. Try again in a moment.";
            case "unavailable" -> "The service cannot reach its database just now. Try again in a moment.";
            default -> "That user name and password do not match. Check them and try again.";
        });
        return "sign-in";
    }

    @RequestMapping("/forbidden")
    @PreAuthorize("permitAll()")
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "forbidden";
    }

    @GetMapping("/dashboard")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'REPORTING')")
    String dashboard() {
        return "dashboard";
    }

    @GetMapping("/reception")
    @PreAuthorize("hasRole('ADMIN')")
    String reception() {
        return "reception";
    }

    @GetMapping("/reception/referral")
    @PreAuthorize("hasRole('ADMIN')")
    String referral() {
        return "referral";
    }

    @GetMapping("/episodes/{episodeId}/assessment")
    @PreAuthorize("hasRole('ADMIN')")
    String assessment(@PathVariable UUID episodeId, Model model) {
        model.addAttribute("episodeId", episodeId);
        return "assessment";
    }

    @GetMapping("/episodes/{episodeId}/allocation")
    @PreAuthorize("hasRole('ADMIN')")
    String allocation(@PathVariable UUID episodeId, Model model) {
        model.addAttribute("episodeId", episodeId);
        return "allocation";
    }

    @GetMapping("/episodes/{episodeId}")
    @PreAuthorize("@access.adminOrClinicianOf(authentication, #episodeId)")
    String episode(@PathVariable UUID episodeId, Model model) {
        model.addAttribute("episodeId", episodeId);
        return "episode";
    }

    @GetMapping("/diary")
    @PreAuthorize("hasRole('THERAPIST')")
    String diary(Authentication user, Model model) {
        model.addAttribute("therapistId", therapistId(user));
        return "diary";
    }

    @GetMapping("/caseload")
    @PreAuthorize("hasRole('THERAPIST')")
    String caseload(Authentication user, Model model) {
        model.addAttribute("therapistId", therapistId(user));
        return "caseload";
    }

    @GetMapping("/supervision")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String supervision() {
        return "supervision";
    }

    @GetMapping("/audit")
    @PreAuthorize("hasRole('AUDITOR')")
    String audit() {
        return "audit";
    }

    @GetMapping("/audit/episodes/{episodeId}")
    @PreAuthorize("hasRole('AUDITOR')")
    String auditEpisode(@PathVariable UUID episodeId, Model model) {
        model.addAttribute("episodeId", episodeId);
        return "audit-episode";
    }

    private static boolean has(Authentication user, String role) {
        return user.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }

    private static UUID therapistId(Authentication user) {
        return user.getPrincipal() instanceof ActsAsTherapist therapist ? therapist.therapistId() : null;
    }
}
