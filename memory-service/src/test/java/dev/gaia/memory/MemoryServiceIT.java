package dev.gaia.memory;

import dev.gaia.shared.test.RealInfrastructure;
import dev.gaia.shared.test.ServiceBasicsContract;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealInfrastructure.class)
class MemoryServiceIT extends ServiceBasicsContract {

    MemoryServiceIT() {
        super("memory", "memory", "/api/memorys");
    }
}
