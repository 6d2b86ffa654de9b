package org.dit.events.client;

import org.dit.events.ClientId;

/** Every fact about one client's identity and personal data; what happened in their care is in their episodes. */
public sealed interface ClientEvent permits ClientRegistered, ClientDetailsCorrected, ClientErasureApproved,
        ClientErased {

    ClientId clientId();
}
