package org.raccord.notification;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every special-purpose block is refused, in its IPv4 and IPv6 spellings; public addresses are not. */
class SpecialPurposeAddressesTest {

    @Test
    void everySpecialPurposeBlockIsRefused() throws Exception {
        List<String> refused = List.of("0.1.2.3", "10.200.0.1", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.255.0.9",
                "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.31.196.1",
                "192.52.193.1", "192.88.99.1", "192.168.1.1", "192.175.48.1", "198.18.0.1", "198.19.255.255",
                "198.51.100.7", "203.0.113.9", "224.0.0.251", "239.1.1.1", "240.0.0.1", "255.255.255.255",
                "::", "::1", "::10.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::10.0.0.1",
                "64:ff9b::a9fe:a9fe", "64:ff9b:1::1", "100::1", "2001::1", "2001:0:4136:e378::1", "2001:10::1",
                "2001:db8::1", "2002:0a00:0001::1", "2002:7f00:0001::", "3fff::1", "5f00::1", "fc00::1", "fdff::1",
                "fe80::1", "febf::1", "fec0::1", "ff02::1");
        for (String address : refused) {
            assertThat(SpecialPurposeAddresses.refusal(InetAddress.getByName(address))).as(address).isPresent();
        }
    }

    @Test
    void publicAddressesAreReachable() throws Exception {
        List<String> reachable = List.of("1.1.1.1", "8.8.8.8", "93.184.215.14", "100.63.255.255", "100.128.0.0",
                "172.15.255.255", "172.32.0.0", "192.0.3.1", "198.20.0.1", "223.255.255.255", "2606:4700:4700::1111",
                "2a00:1450:4007:80f::200e", "64:ff9b::808:808", "2002:0808:0808::1", "::ffff:8.8.8.8", "2001:200::1");
        for (String address : reachable) {
            assertThat(SpecialPurposeAddresses.refusal(InetAddress.getByName(address))).as(address).isEmpty();
        }
    }
}
