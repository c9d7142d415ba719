package org.dubgate.media.script;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TTML / IMSC 1 text profile, read with SAX so every problem can name its element and line. Each
 * {@code <p>} is a cue; its times resolve through the enclosing {@code body}/{@code div} (parallel
 * time containers: {@code begin} and {@code end} are offsets from the parent's begin, {@code dur}
 * from the element's own begin). The character is the {@code ttm:name} of the {@code ttm:agent}
 * the paragraph (or its nearest ancestor, or its first span) refers to. Time expressions are read by
 * {@link TtmlClock}.
 *
 * <p>DOCTYPE declarations are refused outright, external entities and DTDs are never loaded, and
 * secure processing limits apply: XXE and "billion laughs" documents fail before any expansion.
 */
final class TtmlParser {

    static final String TT = "http://www.w3.org/ns/ttml";
    static final String TTP = "http://www.w3.org/ns/ttml#parameter";
    static final String TTM = "http://www.w3.org/ns/ttml#metadata";
    static final String XML = XMLConstants.XML_NS_URI;

    /** Stops reading at {@code <p>} number {@code maxCues + 1}. */
    ScriptParse parse(String text, int maxCues) {
        Handler handler = new Handler(maxCues);
        try {
            SAXParser parser = factory().newSAXParser();
            parser.parse(new InputSource(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text)), handler);
        } catch (TooManyCues e) {
            return ScriptParse.tooManyCues(ScriptFormat.TTML, maxCues);
        } catch (StopParsing notTtml) {
            // the reason is already in the handler's errors
        } catch (SAXParseException e) {
            String message = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "DOCTYPE declarations are not allowed (DTDs and entities are disabled for safety)"
                    : "not well-formed XML: " + e.getMessage();
            handler.errors.add(new ScriptError("line " + e.getLineNumber(), message));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            handler.errors.add(new ScriptError("document", "cannot be read as XML: " + e.getMessage()));
        }
        if (handler.cues.isEmpty() && handler.errors.isEmpty()) {
            handler.errors.add(new ScriptError("document", "no timed <p> element: nothing to dub"));
        }
        return new ScriptParse(ScriptFormat.TTML, handler.cues, handler.errors);
    }

    private static SAXParserFactory factory() throws ParserConfigurationException, SAXException {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f;
    }

    /** Timing of an open element: absolute begin and end (end empty = open-ended). */
    private record Span(Duration begin, Optional<Duration> end, Optional<String> agent, String name, int line) {
    }

    private static final class Handler extends DefaultHandler {
        final List<Cue> cues = new ArrayList<>();
        private final int maxCues;
        private int paragraphs;
        final List<ScriptError> errors = new ArrayList<>();
        private final Deque<Span> open = new ArrayDeque<>();
        private final Map<String, String> agentNames = new HashMap<>();
        private Locator locator;
        private TtmlClock clock = TtmlClock.defaults();
        private boolean inBody;
        private String agentId;
        private boolean inAgentName;
        private StringBuilder agentName;
        // the paragraph being read
        private Span paragraph;
        private String paragraphId;
        private StringBuilder paragraphText;
        private StringBuilder paragraphRaw;
        private Optional<String> spanAgent = Optional.empty();
        private int skipDepth;

        Handler(int maxCues) {
            this.maxCues = maxCues;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            if (open.isEmpty() && !(TT.equals(uri) && local.equals("tt"))) {
                errors.add(new ScriptError("line " + line(), "not a TTML document: the root element must be <tt> in "
                        + "the namespace " + TT));
                throw new StopParsing();
            }
            if (local.equals("tt") && open.isEmpty()) {
                readParameters(atts);
            }
            if (TTM.equals(uri) && local.equals("agent")) {
                agentId = atts.getValue(XML, "id");
            }
            if (TTM.equals(uri) && local.equals("name") && agentId != null) {
                inAgentName = true;
                agentName = new StringBuilder();
            }
            if (paragraph != null && (local.equals("metadata") || !TT.equals(uri))) {
                skipDepth++;
            }
            if (TT.equals(uri) && local.equals("body")) {
                inBody = true;
            }
            Span parent = open.isEmpty() ? new Span(Duration.ZERO, Optional.empty(), Optional.empty(), "", 0) : open.peek();
            Span span = inBody ? timed(uri, local, atts, parent) : new Span(parent.begin(), parent.end(), parent.agent(), local, line());
            open.push(span);
            if (TT.equals(uri) && local.equals("p") && inBody) {
                if (++paragraphs > maxCues) {
                    throw new TooManyCues();
                }
                paragraph = span;
                paragraphId = Optional.ofNullable(atts.getValue(XML, "id")).orElse(String.valueOf(cues.size() + 1));
                paragraphText = new StringBuilder();
                paragraphRaw = new StringBuilder();
                spanAgent = Optional.empty();
            } else if (paragraph != null && TT.equals(uri) && local.equals("br") && skipDepth == 0) {
                paragraphText.append('\n');
                paragraphRaw.append('\n');
            } else if (paragraph != null && TT.equals(uri) && local.equals("span") && spanAgent.isEmpty()) {
                spanAgent = Optional.ofNullable(atts.getValue(TTM, "agent")).map(a -> a.strip().split("\\s+")[0]);
            }
        }

        private void readParameters(Attributes atts) {
            clock = TtmlClock.of(atts);
            String timeBase = atts.getValue(TTP, "timeBase");
            if (timeBase != null && !timeBase.equals("media")) {
                errors.add(new ScriptError("<tt> at line " + line(), "ttp:timeBase '" + timeBase
                        + "' is not supported: IMSC documents use media time"));
            }
        }

        private Span timed(String uri, String local, Attributes atts, Span parent) {
            String where = "<" + local + "> at line " + line();
            if ("seq".equals(atts.getValue("timeContainer"))) {
                errors.add(new ScriptError(where, "timeContainer='seq' is not supported; IMSC uses parallel timing"));
            }
            Optional<Duration> begin = time(atts.getValue("begin"), where, "begin");
            Optional<Duration> end = time(atts.getValue("end"), where, "end");
            Optional<Duration> dur = time(atts.getValue("dur"), where, "dur");
            Duration absBegin = parent.begin().plus(begin.orElse(Duration.ZERO));
            Optional<Duration> absEnd = end.map(parent.begin()::plus);
            if (dur.isPresent()) {
                Duration byDur = absBegin.plus(dur.get());
                absEnd = Optional.of(absEnd.map(e -> e.compareTo(byDur) < 0 ? e : byDur).orElse(byDur));
            }
            if (parent.end().isPresent()) {
                Duration limit = parent.end().get();
                absEnd = Optional.of(absEnd.map(e -> e.compareTo(limit) < 0 ? e : limit).orElse(limit));
            }
            Optional<String> agent = Optional.ofNullable(atts.getValue(TTM, "agent"))
                    .map(a -> a.strip().split("\\s+")[0]).or(parent::agent);
            return new Span(absBegin, absEnd, agent, local, line());
        }

        private Optional<Duration> time(String value, String where, String attribute) {
            if (value == null) {
                return Optional.empty();
            }
            Optional<Duration> t = clock.parse(value);
            if (t.isEmpty()) {
                errors.add(new ScriptError(where, attribute + "='" + value + "' is not a TTML time expression"));
            }
            return t;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inAgentName) {
                agentName.append(ch, start, length);
            }
            if (paragraph != null && skipDepth == 0) {
                // line breaks in the XML source are white space; only <br/> breaks a line
                paragraphText.append(new String(ch, start, length).replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
                paragraphRaw.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            Span span = open.pop();
            if (inAgentName && TTM.equals(uri) && local.equals("name")) {
                inAgentName = false;
                agentNames.putIfAbsent(agentId, agentName.toString().strip());
            }
            if (TTM.equals(uri) && local.equals("agent")) {
                agentId = null;
            }
            if (paragraph != null && skipDepth > 0 && (local.equals("metadata") || !TT.equals(uri))) {
                skipDepth--;
            }
            if (TT.equals(uri) && local.equals("p") && span == paragraph) {
                finishParagraph(span);
                paragraph = null;
            }
        }

        private void finishParagraph(Span p) {
            String where = "<p> at line " + p.line();
            String textOf = normalize(paragraphText.toString());
            if (p.end().isEmpty()) {
                errors.add(new ScriptError(where, "has no end time (no end or dur on it or an ancestor)"));
                return;
            }
            if (p.end().get().compareTo(p.begin()) <= 0) {
                errors.add(new ScriptError(where, "ends at " + p.end().get() + ", not after its begin " + p.begin()));
                return;
            }
            Optional<String> character = p.agent().or(() -> spanAgent).map(id -> agentNames.getOrDefault(id, id));
            cues.add(new Cue(paragraphId, p.begin(), p.end().get(), character, textOf, paragraphRaw.toString(), p.line()));
        }

        private static String normalize(String s) {
            StringBuilder out = new StringBuilder();
            for (String line : s.split("\n", -1)) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(line.replaceAll("[ \\t\\r]+", " ").strip());
            }
            return out.toString().strip();
        }
    }

    /** Ends a parse early once the document is known not to be TTML. */
    private static class StopParsing extends RuntimeException {
        StopParsing() {
            super(null, null, false, false);
        }
    }

    /** Ends a parse early at one paragraph more than the limit. */
    private static final class TooManyCues extends StopParsing {
    }
}
