package io.citrate.consensus.api;

import io.citrate.core.api.Hash;
import io.citrate.core.api.vrf.VrfProof;

/**
 * A producer's VRF evaluation for one slot: the proof its block carries and the output (beta) that decides
 * the lottery.
 */
public record SlotTicket(SlotInput slot, VrfProof proof, Hash output) {}
