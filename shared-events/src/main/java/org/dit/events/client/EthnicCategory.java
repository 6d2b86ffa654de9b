package org.dit.events.client;

/** NHS data dictionary "Ethnic Category" (2001 census categories); the enum names are the national codes. */
public enum EthnicCategory {
    /** White: British. */
    A,
    /** White: Irish. */
    B,
    /** White: any other White background. */
    C,
    /** Mixed: White and Black Caribbean. */
    D,
    /** Mixed: White and Black African. */
    E,
    /** Mixed: White and Asian. */
    F,
    /** Mixed: any other mixed background. */
    G,
    /** Asian or Asian British: Indian. */
    H,
    /** Asian or Asian British: Pakistani. */
    J,
    /** Asian or Asian British: Bangladeshi. */
    K,
    /** Asian or Asian British: any other Asian background. */
    L,
    /** Black or Black British: Caribbean. */
    M,
    /** Black or Black British: African. */
    N,
    /** Black or Black British: any other Black background. */
    P,
    /** Other ethnic groups: Chinese. */
    R,
    /** Other ethnic groups: any other ethnic group. */
    S,
    /** Not stated. */
    Z
}
