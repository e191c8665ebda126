package com.emite.setup.region;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.region.Detection.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ConcurrentClass
class RegionDetectorTest {

    /** Nine shapes of address an admin may paste, for every region. */
    static List<String> shapes(Region r) {
        String d = r.domain();
        return List.of(
                "https://login." + d + "/#/authenticate",
                "apps." + d + "/directory/#/admin/people",
                "api." + d,
                d,
                "  HTTPS://LOGIN." + d.toUpperCase(Locale.ROOT) + ".:443/oauth/authorize?client_id=x#top  ",
                "http://apps." + d + ":8080/",
                "//api." + d + "/api/v2/users?pageSize=1",
                "\"https://apps." + d + "/\"",
                "login." + d + "./?ref=a#x",
                "<https://" + r.loginHost() + ">",
                "\thttps://" + r.appsHost() + "/directory/#/engage/admin\n");
    }

    static Stream<Arguments> everyRegionEveryShape() {
        return RegionCatalog.standard().all().stream()
                .flatMap(r -> shapes(r).stream().map(s -> Arguments.of(r.name(), s)));
    }

    @ParameterizedTest(name = "{0} <- [{1}]")
    @MethodSource("everyRegionEveryShape")
    void detectsEveryRegionFromManyShapes(String regionName, String pasted) {
        Detection d = RegionDetector.detect(pasted);
        Detection.Found found = assertInstanceOf(Detection.Found.class, d, () -> pasted + " -> " + d);
        assertEquals(regionName, found.region().name());
    }

    @Test
    void everyRegionHasAtLeastSixShapes() {
        for (Region r : RegionCatalog.standard().all()) {
            assertTrue(shapes(r).size() >= 6);
        }
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://login.mypurecloud.de/#/authenticate | eu-central-1",
            "apps.usw2.pure.cloud/directory/#/admin | us-west-2",
            "api.mypurecloud.com.au | ap-southeast-2",
            "mypurecloud.jp | ap-northeast-1",
            "login.mypurecloud.com | us-east-1",
            "https://apps.mypurecloud.com.au/directory/ | ap-southeast-2",
            "API.MYPURECLOUD.IE | eu-west-1",
            "login.euw2.pure.cloud | eu-west-2",
            "apps.use2.us-gov-pure.cloud | us-east-2",
            "https://login.mec1.pure.cloud:443 | me-central-1",
    })
    void detectsTheRightRegion(String pasted, String regionId) {
        Detection.Found found = assertInstanceOf(Detection.Found.class, RegionDetector.detect(pasted));
        assertEquals(regionId, found.region().genesysRegionId());
    }

    @Test
    void foundCarriesTheHost() {
        Detection.Found found = (Detection.Found) RegionDetector.detect("HTTPS://Login.MyPureCloud.de./x");
        assertEquals("login.mypurecloud.de", found.host());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "\u00a0", "\"\"", "<>"})
    void emptyInput(String pasted) {
        assertReason(Reason.EMPTY, pasted);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            // garbage and broken addresses
            "hello | NOT_AN_ADDRESS",
            "!!! | NOT_AN_ADDRESS",
            "mypurecloud | NOT_AN_ADDRESS",
            "https:// | NOT_AN_ADDRESS",
            "https:///path | NOT_AN_ADDRESS",
            "login..mypurecloud.com | NOT_AN_ADDRESS",
            ".mypurecloud.com | NOT_AN_ADDRESS",
            "login.mypurecloud.com:99999 | NOT_AN_ADDRESS",
            "login.mypurecloud.com:abc | NOT_AN_ADDRESS",
            "login_mypurecloud.com | NOT_AN_ADDRESS",
            "-login.mypurecloud.com | NOT_AN_ADDRESS",
            "login-.mypurecloud.com | NOT_AN_ADDRESS",
            "/#/authenticate | NOT_AN_ADDRESS",
            "?org=acme | NOT_AN_ADDRESS",
            "... | NOT_AN_ADDRESS",
            "1.2.3 | NOT_AN_ADDRESS",
            "999.1.1.1 | NOT_AN_ADDRESS",
            "localhost | NOT_AN_ADDRESS",
            "{{gcHostOrigin}} | NOT_AN_ADDRESS",
            "login.mypurecloud.com:8080:90 | NOT_AN_ADDRESS",
            // spaces inside
            "login. mypurecloud.com | CONTAINS_SPACES",
            "https://login.mypurecloud.com /x | CONTAINS_SPACES",
            "my pure cloud | CONTAINS_SPACES",
            // e-mail
            "mailto:admin@mypurecloud.com | EMAIL_ADDRESS",
            "MAILTO:someone@example.com | EMAIL_ADDRESS",
            "admin@mypurecloud.com | EMAIL_ADDRESS",
            "https://user:pass@login.mypurecloud.com | EMAIL_ADDRESS",
            // other schemes
            "ftp://login.mypurecloud.com | UNSUPPORTED_SCHEME",
            "file:///etc/hosts | UNSUPPORTED_SCHEME",
            "javascript:alert(1) | UNSUPPORTED_SCHEME",
            "ws://api.mypurecloud.com | UNSUPPORTED_SCHEME",
            "wss://streaming.mypurecloud.com | UNSUPPORTED_SCHEME",
            "data:text/html,hi | UNSUPPORTED_SCHEME",
            "tel:+15551234 | UNSUPPORTED_SCHEME",
            // IP addresses
            "127.0.0.1 | IP_ADDRESS",
            "https://10.0.0.5/login | IP_ADDRESS",
            "192.168.1.1:8443 | IP_ADDRESS",
            "http://[::1]:8080/ | IP_ADDRESS",
            "[2001:db8::1] | IP_ADDRESS",
            "::1 | IP_ADDRESS",
            "8.8.8.8 | IP_ADDRESS",
            // the eMite site
            "https://useast-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme | EMITE_SITE",
            "emite.com | EMITE_SITE",
            "www.emite.com | EMITE_SITE",
            "https://em-prod-provision.emitecloud.com/provision/updatepermission.html | EMITE_SITE",
            "EMITECLOUD.COM | EMITE_SITE",
            // Genesys sites that do not tell the region
            "help.mypurecloud.com | GENESYS_SITE_WITHOUT_REGION",
            "https://developer.genesys.cloud/ | GENESYS_SITE_WITHOUT_REGION",
            "www.genesys.com | GENESYS_SITE_WITHOUT_REGION",
            "login.foo.mypurecloud.com | GENESYS_SITE_WITHOUT_REGION",
            "pure.cloud | GENESYS_SITE_WITHOUT_REGION",
            "status.mypurecloud.com | GENESYS_SITE_WITHOUT_REGION",
            // unknown Genesys regions
            "login.mxc1.pure.cloud | UNKNOWN_GENESYS_REGION",
            "apps.euw1.pure.cloud | UNKNOWN_GENESYS_REGION",
            "api.use9.us-gov-pure.cloud | UNKNOWN_GENESYS_REGION",
            // lookalikes and other hosts
            "mypurecloud.com.evil.io | NOT_GENESYS",
            "login.mypurecloud.com.evil.io | NOT_GENESYS",
            "fakemypurecloud.com | NOT_GENESYS",
            "login.fakemypurecloud.com | NOT_GENESYS",
            "mypurecloud.co | NOT_GENESYS",
            "mypurecloud.fr | NOT_GENESYS",
            "login.mypurec1oud.com | NOT_GENESYS",
            "usw2.pure.cloud.attacker.net | NOT_GENESYS",
            "purecloud.cloud | NOT_GENESYS",
            "google.com | NOT_GENESYS",
            "https://portal.azure.com/#home | NOT_GENESYS",
            "login.mураcloud.com | NOT_GENESYS",
            "login.mypurеcloud.com | NOT_GENESYS",
            "xn--mypurecloud-xyz.com | NOT_GENESYS",
            "example.org:443 | NOT_GENESYS",
    })
    void rejectsWithTheRightReason(String pasted, Reason expected) {
        assertReason(expected, pasted);
    }

    @Test
    void eMiteSiteMessageSaysWhatToDo() {
        Detection.NotRecognised r = (Detection.NotRecognised) RegionDetector.detect("https://uk-cloud.emite.com/x");
        assertEquals("This looks like the eMite site. Paste your Genesys Cloud login address instead, "
                + "for example https://login.mypurecloud.com.", r.message());
        Detection.NotRecognised other = (Detection.NotRecognised) RegionDetector.detect("example.com");
        assertTrue(other.message().startsWith("This is not a Genesys Cloud address."));
    }

    @Test
    void aSmallerCatalogOnlyKnowsItsRegions() {
        Region de = RegionCatalog.standard().byDomain("mypurecloud.de").orElseThrow();
        RegionDetector detector = new RegionDetector(RegionCatalog.of(List.of(de)));
        assertInstanceOf(Detection.Found.class, detector.detectIn("login.mypurecloud.de"));
        assertReason(Reason.UNKNOWN_GENESYS_REGION, detector.detectIn("login.usw2.pure.cloud"));
    }

    private static void assertReason(Reason expected, String pasted) {
        assertReason(expected, RegionDetector.detect(pasted));
    }

    private static void assertReason(Reason expected, Detection d) {
        Detection.NotRecognised n = assertInstanceOf(Detection.NotRecognised.class, d, () -> "got " + d);
        assertEquals(expected, n.reason(), () -> "got " + n);
        assertEquals(expected.message(), n.message());
    }
}
