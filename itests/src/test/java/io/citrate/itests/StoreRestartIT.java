package io.citrate.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;
import org.junit.runners.Suite.SuiteClasses;

/**
 * A node that is stopped and started again sees what it committed: the first phase boots the
 * distribution, commits a marker and stops the container; the second boots a fresh container on the
 * same data directory and reads the marker back.
 */
@RunWith(Suite.class)
@SuiteClasses({StoreRestartWritePhase.class, StoreRestartReadPhase.class})
public class StoreRestartIT {}
