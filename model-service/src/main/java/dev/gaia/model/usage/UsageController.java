package dev.gaia.model.usage;

import java.time.LocalDate;

import dev.gaia.shared.security.GaiaPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's game's model usage and budget, for its designers and admins. */
@RestController
@RequestMapping("/api/models")
class UsageController {

    private final UsageService usage;
    private final GameBudgets budgets;

    UsageController(UsageService usage, GameBudgets budgets) {
        this.usage = usage;
        this.budgets = budgets;
    }

    /** Totals per user, model, day or NPC over a range of days (UTC, both inclusive), a page of groups at a time. */
    @GetMapping("/usage")
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    UsageReport usage(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(name = "group_by", defaultValue = "model") String groupBy,
            @RequestParam(defaultValue = "" + UsageService.DEFAULT_LIMIT) @Min(1) @Max(UsageService.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Nullable @Size(max = 400) String cursor, GaiaPrincipal caller) {
        return usage.report(caller.gameId(), from, to, groupBy, limit, cursor);
    }

    @GetMapping("/budget")
    @PreAuthorize("hasAnyRole('DESIGNER', 'ADMIN')")
    BudgetView budget(GaiaPrincipal caller) {
        return BudgetView.of(caller.gameId(), budgets.freshStatus(caller.gameId()));
    }

    @PutMapping("/budget")
    @PreAuthorize("hasRole('ADMIN')")
    BudgetView setBudget(@Valid @RequestBody SetBudgetRequest request, GaiaPrincipal caller) {
        return BudgetView.of(caller.gameId(), budgets.setBudget(caller.gameId(), caller.userId(), request.monthlyUsd()));
    }
}
