package org.dubgate.it;

import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.event.container.AfterStart;
import org.jboss.arquillian.container.spi.event.container.AfterUnDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * The built EAR deployed once on the suite's server ({@code wildfly}), as an operator deploys it,
 * instead of once per test class: a deployment of this 140 MB EAR costs about 10 s (packing and
 * uploading it, then starting it), which over some thirty classes and two database passes was a quarter
 * of the CI run. The tests that call the API from outside therefore declare no {@code @Deployment}. A
 * class that runs inside the server deploys its own EAR (the same one with its test classes added) under
 * the same name: the suite's EAR is taken off for the length of that class and put back after it. The
 * tests that start, kill and restart a server themselves ({@code wildfly-manual}) deploy by themselves,
 * and this does nothing for them.
 */
public final class SuiteDeployment implements LoadableExtension {

    /** The container whose lifetime is the whole suite (arquillian.xml). */
    static final String SUITE_CONTAINER = "wildfly";

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(OnTheSuiteServer.class);
    }

    /** Deploys at the server's start, steps aside for a class's own deployment, undeploys before the stop. */
    public static final class OnTheSuiteServer {

        @Inject
        private Instance<Container> container;

        /** The suite's EAR while it is deployed, else null. */
        private EnterpriseArchive deployed;

        public void afterStart(@Observes AfterStart event) throws DeploymentException {
            if (isSuiteServer()) {
                deploy(event.getDeployableContainer());
            }
        }

        public void beforeOwnDeployment(@Observes BeforeDeploy event) throws DeploymentException {
            if (isSuiteServer()) {
                undeploy(event.getDeployableContainer());
            }
        }

        public void afterOwnDeployment(@Observes AfterUnDeploy event) throws DeploymentException {
            if (isSuiteServer()) {
                deploy(event.getDeployableContainer());
            }
        }

        public void beforeStop(@Observes BeforeStop event) throws DeploymentException {
            if (isSuiteServer()) {
                undeploy(event.getDeployableContainer());
            }
        }

        private boolean isSuiteServer() {
            Container current = container.get();
            return current != null && SUITE_CONTAINER.equals(current.getName());
        }

        private void deploy(DeployableContainer<?> server) throws DeploymentException {
            if (deployed == null) {
                EnterpriseArchive ear = Deployments.ear();
                server.deploy(ear);
                deployed = ear;
            }
        }

        private void undeploy(DeployableContainer<?> server) throws DeploymentException {
            if (deployed != null) {
                server.undeploy(deployed);
                deployed = null;
            }
        }
    }
}
