package org.raccord.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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

    @Test
    void aClientWithItsOwnBudgetIsHeldToIt() {
        ClientBudgets budgets = new ClientBudgets(100, ClientBudgets.parseAll("trial:2/60, bulk-tool:500/1"));

        assertThat(budgets.admit("trial")).isTrue();
        assertThat(budgets.admit("trial")).isTrue();
        assertThat(budgets.admit("trial")).isFalse();
        assertThat(budgets.retryAfterSeconds("trial")).isEqualTo(60);
        assertThat(budgets.retryAfterSeconds("portal")).isEqualTo(1);
        assertThat(budgets.admit("portal")).isTrue();
    }

    @Test
    void badBudgetsAreRefusedWithTheReason() {
        assertThat(ClientBudgets.parseAll(" ")).isEmpty();
        for (String bad : new String[] {"trial", "trial:0/1", "trial:x/1", "trial:2/0", ":2/1", "trial:1/2/3"}) {
            assertThatIllegalArgumentException()
                    .as(bad).isThrownBy(() -> ClientBudgets.parseAll(bad));
        }
    }
}
