package org.dit.command.client;

import java.time.LocalDate;
import java.util.Optional;

import org.dit.events.ClientId;
import org.dit.events.EpisodeId;

/**
 * The command side's view across clients and their episodes, from lookups that {@link ClientLookups} writes from
 * the events in the transaction that appends them. Every method runs in the transaction of the command that asks.
 */
public interface ClientRegistry {

    /** Whether a client record exists for the id, and whether it was erased. */
    enum Standing { UNKNOWN, REGISTERED, ERASED }

    Standing standing(ClientId clientId);

    /** The client registered under this NHS number (ten digits), if any; an erased client holds none. */
    Optional<ClientId> holderOfNhsNumber(String nhsNumber);

    /** The client's episode that has not ended, if any. */
    Optional<EpisodeId> openEpisode(ClientId clientId);

    /** The day the client's last episode ended; empty when none has (or there was none). */
    Optional<LocalDate> lastEpisodeEnded(ClientId clientId);

    /**
     * @throws ClientNotFound    unless a client record exists for the id
     * @throws ClientForgotten   when the client was erased
     * @throws OpenEpisodeExists when one of the client's episodes has not ended
     */
    default void requireReferable(ClientId clientId) {
        requireRegistered(clientId);
        openEpisode(clientId).ifPresent(open -> {
            throw new OpenEpisodeExists(clientId, open);
        });
    }

    /**
     * An episode may be linked to a registered client only while its own client id has no client record (it was
     * referred before clients were registered), and an open episode only to a client with no other open episode.
     *
     * @throws EpisodeClientRegistered when the episode's client id is a client record
     * @throws ClientNotFound          unless the target is a registered client
     * @throws ClientForgotten         when the target was erased
     * @throws OpenEpisodeExists       when the episode is open and so is one of the target's
     */
    default void requireLinkable(EpisodeId episodeId, ClientId current, ClientId target, boolean episodeOpen) {
        if (standing(current) != Standing.UNKNOWN) {
            throw new EpisodeClientRegistered(episodeId, current);
        }
        requireRegistered(target);
        if (episodeOpen) {
            openEpisode(target).filter(open -> !open.equals(episodeId)).ifPresent(open -> {
                throw new OpenEpisodeExists(target, open);
            });
        }
    }

    /**
     * @throws ClientNotFound  unless a client record exists for the id
     * @throws ClientForgotten when the client was erased
     */
    default void requireRegistered(ClientId clientId) {
        switch (standing(clientId)) {
            case UNKNOWN -> throw new ClientNotFound(clientId);
            case ERASED -> throw new ClientForgotten(clientId);
            case REGISTERED -> {
            }
        }
    }
}
