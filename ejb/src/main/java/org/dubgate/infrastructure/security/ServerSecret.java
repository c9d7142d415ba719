package org.dubgate.infrastructure.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A random secret kept in the database so that every node signs and checks tokens with the same key. */
@Entity
@Table(name = "server_secret")
public class ServerSecret {

    @Id
    @Column(length = 64)
    private String name;

    @Column(nullable = false, length = 128)
    private String secret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ServerSecret() {
        // for JPA
    }

    ServerSecret(String name, String secret, Instant createdAt) {
        this.name = name;
        this.secret = secret;
        this.createdAt = createdAt;
    }

    String secret() {
        return secret;
    }
}
