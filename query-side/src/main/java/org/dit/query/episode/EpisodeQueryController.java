package org.dit.query.episode;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/episodes")
@Tag(name = "Episode queries", description = "Read models; eventually consistent with the commands")
class EpisodeQueryController {

    private final QueryGateway queryGateway;

    EpisodeQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/{episodeId}")
    @Operation(summary = "One episode as the episode read model holds it")
    EpisodeView episode(@PathVariable UUID episodeId) {
        Optional<EpisodeView> view = queryGateway.query(new FindEpisode(episodeId),
                ResponseTypes.optionalInstanceOf(EpisodeView.class)).join();
        return view.orElseThrow(() -> notFound(episodeId));
    }

    private static ErrorResponseException notFound(UUID episodeId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no episode " + episodeId + " in the read model (a referral just made may take a moment to appear)");
        problem.setType(URI.create("/problems/not-found"));
        problem.setTitle("No such episode");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
