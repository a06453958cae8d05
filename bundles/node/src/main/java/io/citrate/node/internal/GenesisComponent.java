package io.citrate.node.internal;

import io.citrate.consensus.api.ConsensusGenesis;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers the chain's {@link ConsensusGenesis} once the {@link ChainComponent} is active. Consensus, which opens
 * on it, also needs the chain component as its execution stage: registering the genesis from a component of its
 * own, after the chain component's activation has finished, keeps that activation from re-entering itself.
 */
@Component(service = {}, immediate = true)
public final class GenesisComponent {
  private final ServiceRegistration<ConsensusGenesis> registration;

  @Activate
  public GenesisComponent(BundleContext context, @Reference ChainComponent chain) {
    this.registration = context.registerService(ConsensusGenesis.class, chain.consensusGenesis(), new Hashtable<>());
  }

  @Deactivate
  void deactivate() {
    registration.unregister();
  }
}
