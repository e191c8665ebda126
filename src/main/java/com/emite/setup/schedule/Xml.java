package com.emite.setup.schedule;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;

/** Builds scheduler XML through the DOM, so every value is escaped by the XML library, never by hand. */
final class Xml {
    private Xml() {
    }

    static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML support is missing", e);
        }
    }

    static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), name);
        parent.appendChild(e);
        return e;
    }

    static Element text(Element parent, String name, String value) {
        Element e = child(parent, name);
        e.setTextContent(value);
        return e;
    }

    /** The document as text, indented; with a DOCTYPE when both ids are given. */
    static String write(Document doc, String encoding, String doctypePublic, String doctypeSystem) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            t.setOutputProperty(OutputKeys.ENCODING, encoding);
            if (doctypePublic != null) {
                t.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, doctypePublic);
                t.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, doctypeSystem);
            }
            doc.setXmlStandalone(true);
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("The JDK's XML support failed", e);
        }
    }
}
