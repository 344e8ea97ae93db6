package dev.gaia.npc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** npc-service: keeps every character's Life Strand, scoped to its game. */
@SpringBootApplication
public class NpcServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NpcServiceApplication.class, args);
    }
}
