package org.raccord.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each client's own budget: over it, refused; other clients unaffected. */
class ClientQuotaTest {

    @Test
    void aClientOverItsBudgetIsRefusedWhileOthersGoOn() {
        ClientBudgets budgets = new ClientBudgets(3);
        for (int i = 0; i < 3; i++) {
            assertThat(budgets.admit("call-centre")).isTrue();
        }

        assertThat(budgets.admit("call-centre")).isFalse();
        assertThat(budgets.admit("web-portal")).isTrue();
    }
}
