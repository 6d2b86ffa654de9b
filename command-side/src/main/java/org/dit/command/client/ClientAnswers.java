package org.dit.command.client;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** What an accepted client command answers, as the API document shows it. */
final class ClientAnswers {

    private ClientAnswers() {
    }

    @Schema(name = "ClientAnswer", description = "The client the command was recorded against")
    record Recorded(UUID clientId) {
    }

    @Schema(name = "ClientLinkAnswer", description = "The episode and the registered client it now belongs to")
    record Linked(UUID episodeId, UUID clientId) {
    }
}
