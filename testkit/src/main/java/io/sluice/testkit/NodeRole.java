package io.sluice.testkit;

/** The KRaft roles of one in-process node, as Kafka's {@code process.roles} names them. */
enum NodeRole {
    /** Broker and controller in one node: a one-node cluster. */
    COMBINED("broker,controller"),
    /** A broker beside a dedicated controller. */
    BROKER("broker"),
    /** The dedicated controller of a multi-broker cluster. */
    CONTROLLER("controller");

    private final String processRoles;

    NodeRole(String processRoles) {
        this.processRoles = processRoles;
    }

    String processRoles() {
        return processRoles;
    }

    boolean isBroker() {
        return this != CONTROLLER;
    }

    boolean isController() {
        return this != BROKER;
    }
}
