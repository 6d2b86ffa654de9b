package org.dit.query.episode;

import java.util.Collections;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.queryhandling.QueryGateway;
import org.dit.query.NotFound;
import org.dit.query.client.ClientLabels;
import org.dit.query.web.ReadModelHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/episodes")
@Tag(name = "Episode queries", description = "Read models; eventually consistent with the commands")
class EpisodeQueryController {

    private final QueryGateway queryGateway;
    private final ReadModelHeaders headers;

    EpisodeQueryController(QueryGateway queryGateway, ReadModelHeaders headers) {
        this.queryGateway = queryGateway;
        this.headers = headers;
    }

    @GetMapping("/{episodeId}")
    @PreAuthorize("@access.adminOrClinicianOf(authentication, #episodeId)")
    @Operation(summary = "One episode as the episode read model holds it")
    EpisodeView episode(@PathVariable UUID episodeId, HttpServletResponse response) {
        headers.describe(response, EpisodeViewProjection.NAME, episodeId);
        Optional<EpisodeView> view = queryGateway.query(new FindEpisode(episodeId),
                ResponseTypes.optionalInstanceOf(EpisodeView.class)).join();
        EpisodeView found = view.orElseThrow(() -> new NotFound("No such episode",
                "no episode " + episodeId + " in the read model (a referral just made may take a moment to appear)"));
        return found.withClient(ClientLabels.find(queryGateway, Collections.singleton(found.clientId())).of(found.clientId()));
    }
}
