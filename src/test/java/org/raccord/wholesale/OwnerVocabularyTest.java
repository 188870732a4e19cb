package org.raccord.wholesale;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.raccord.wholesale.soap.cutover.EtatBascule;
import org.raccord.wholesale.soap.cutover.EtatPortabilite;
import org.raccord.wholesale.soap.cutover.TypeFluxBascule;
import org.raccord.wholesale.soap.order.EtatCommande;
import org.raccord.wholesale.soap.order.TypeFluxCommande;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value the contracts define has a meaning in Raccord: a new WSDL value fails here first. */
class OwnerVocabularyTest {

    @Test
    void everyOwnerValueIsMapped() {
        assertThat(OwnerVocabulary.ORDER_STATES.keySet()).isEqualTo(EnumSet.allOf(EtatCommande.class));
        assertThat(OwnerVocabulary.ORDER_FLOWS.keySet()).isEqualTo(EnumSet.allOf(TypeFluxCommande.class));
        assertThat(OwnerVocabulary.CUTOVER_FLOWS.keySet()).isEqualTo(EnumSet.allOf(TypeFluxBascule.class));
        assertThat(OwnerVocabulary.CUTOVER_STATES.keySet()).isEqualTo(EnumSet.allOf(EtatBascule.class));
        assertThat(OwnerVocabulary.PORTING_STATES.keySet()).isEqualTo(EnumSet.allOf(EtatPortabilite.class));
    }
}
