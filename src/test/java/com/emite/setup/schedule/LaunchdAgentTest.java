package com.emite.setup.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launchd agent against Apple's property list DTD (PropertyList-1.0, a local copy in test resources: nothing is
 * fetched) and the launchd.plist keys it uses, since it cannot run here.
 */
class LaunchdAgentTest {
    static final List<String> COMMAND = List.of("/Applications/eMite Setup.app/Contents/MacOS/eMite Setup",
            "keep-licences", "--org", "litware & co <test>");

    static Document parseValidating(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setValidating(true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setEntityResolver((publicId, systemId) -> {
            assertEquals("-//Apple//DTD PLIST 1.0//EN", publicId);
            InputStream dtd = LaunchdAgentTest.class.getResourceAsStream("PropertyList-1.0.dtd");
            assertNotNull(dtd);
            return new InputSource(dtd);
        });
        List<String> problems = new ArrayList<>();
        b.setErrorHandler(new ErrorHandler() {
            public void warning(SAXParseException e) {
                problems.add(e.getMessage());
            }

            public void error(SAXParseException e) {
                problems.add(e.getMessage());
            }

            public void fatalError(SAXParseException e) {
                problems.add(e.getMessage());
            }
        });
        Document doc = b.parse(new InputSource(new StringReader(xml)));
        assertEquals(List.of(), problems, xml);
        return doc;
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    static Map<String, Element> dict(Element dict) {
        Map<String, Element> out = new LinkedHashMap<>();
        List<Element> c = children(dict);
        for (int i = 0; i < c.size(); i += 2) {
            out.put(c.get(i).getTextContent(), c.get(i + 1));
        }
        return out;
    }

    @Test
    void thePlistIsValidAndSaysWhatLaunchdNeeds(@TempDir Path home) throws Exception {
        LaunchdAgent agent = new LaunchdAgent(home.resolve("LaunchAgents"), home.resolve("logs"),
                RecordingRunner.alwaysOk());
        Document doc = parseValidating(agent.plist(SystemdUserTimerTest.schedule(COMMAND)));
        assertEquals("1.0", doc.getDocumentElement().getAttribute("version"));
        Map<String, Element> keys = dict(children(doc.getDocumentElement()).get(0));

        assertEquals("com.emite.setup.emite-keep-licences-litware", keys.get("Label").getTextContent());
        assertEquals(COMMAND, children(keys.get("ProgramArguments")).stream().map(Node::getTextContent).toList());
        Map<String, Element> when = dict(keys.get("StartCalendarInterval"));
        assertEquals("6", when.get("Hour").getTextContent());
        assertEquals("30", when.get("Minute").getTextContent());
        assertEquals("integer", when.get("Hour").getTagName());
        assertEquals("false", keys.get("RunAtLoad").getTagName());
    }

    @Test
    void installLoadsAndRemoveUnloads(@TempDir Path home) throws Exception {
        RecordingRunner launchctl = RecordingRunner.alwaysOk();
        LaunchdAgent agent = new LaunchdAgent(home.resolve("LaunchAgents"), home.resolve("logs"), launchctl);
        agent.install(SystemdUserTimerTest.schedule(COMMAND));
        Path plist = home.resolve("LaunchAgents").resolve("com.emite.setup.emite-keep-licences-litware.plist");
        assertTrue(Files.isRegularFile(plist));
        assertEquals(List.of("launchctl", "load", "-w", plist.toString()), launchctl.calls.get(0));
        assertTrue(agent.status("emite-keep-licences-litware").installed());

        assertTrue(agent.remove("emite-keep-licences-litware"));
        assertFalse(Files.exists(plist));
        assertEquals(List.of("launchctl", "unload", "-w", plist.toString()),
                launchctl.calls.get(launchctl.calls.size() - 1));
    }
}
