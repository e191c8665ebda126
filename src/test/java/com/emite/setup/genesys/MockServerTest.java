package com.emite.setup.genesys;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.genesys.GenesysTestSupport.FakeTime;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;


import static com.emite.setup.genesys.GenesysTestSupport.body;
import static com.emite.setup.genesys.GenesysTestSupport.json;


/** A client of a MockWebServer on a fake clock (signed in unless a test class says otherwise), and answers the sandbox
 * does not give. */
@Timeout(30)
@ConcurrentClass
abstract class MockServerTest {
    static final String ORG = "{\"id\":\"org-1\",\"name\":\"Acme\",\"thirdPartyOrgName\":\"acme\",\"state\":\"active\"}";

    MockWebServer server;
    FakeTime time;
    GenesysClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        time = new FakeTime();
        client = client(server, time);
    }

    /** The client under test: signed in (one token answer taken from the server); sign-in tests start without. */
    GenesysClient client(MockWebServer server, FakeTime time) throws Exception {
        return GenesysTestSupport.signedIn(server, time);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    static MockResponse dropConnection() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
    }

    static MockResponse truncated(String partialJson) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(partialJson).setHeader("Content-Length", partialJson.length() + 200)
                .onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build();
    }

    static MockResponse html(int code, String title) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "text/html")
                .body("<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>")
                .build();
    }
}
