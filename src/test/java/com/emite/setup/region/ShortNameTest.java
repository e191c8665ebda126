package com.emite.setup.region;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.region.ShortName.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ConcurrentClass
class ShortNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "acme-corp", "a", "org123", "123", "  acme  "})
    void acceptsLowerCaseLettersDigitsAndInnerHyphens(String text) {
        ShortName.Valid v = assertInstanceOf(ShortName.Valid.class, ShortName.validate(text));
        assertEquals(text.strip(), v.shortName());
        assertEquals("", v.message());
    }

    @Test
    void empty() {
        for (String s : new String[] {null, "", "   "}) {
            ShortName.Invalid i = assertInstanceOf(ShortName.Invalid.class, ShortName.validate(s));
            assertEquals(List.of(Problem.EMPTY), i.problems());
            assertTrue(i.message().startsWith("Type your organization short name."));
        }
    }

    @Test
    void upperCaseSuggestsTheLowerCaseForm() {
        ShortName.Invalid i = assertInstanceOf(ShortName.Invalid.class, ShortName.validate("AcmeCorp"));
        assertEquals(List.of(Problem.UPPER_CASE), i.problems());
        assertEquals(Optional.of("acmecorp"), i.suggestion());
        assertEquals("The short name is always in lower case. Did you mean \"acmecorp\"?", i.message());
    }

    @Test
    void spaces() {
        ShortName.Invalid i = assertInstanceOf(ShortName.Invalid.class, ShortName.validate("acme corp"));
        assertEquals(List.of(Problem.SPACES), i.problems());
        assertEquals("The short name has no spaces in it. Did you mean \"acmecorp\"?", i.message());
    }

    @Test
    void specialCharactersAreNamed() {
        ShortName.Invalid i = assertInstanceOf(ShortName.Invalid.class, ShortName.validate("acme_corp.io"));
        assertEquals(List.of(Problem.SPECIAL_CHARACTERS), i.problems());
        assertEquals("The short name cannot contain special characters: underscore (_), full stop (.).",
                i.message());
        assertEquals(Optional.empty(), i.suggestion());
        ShortName.Invalid accent = assertInstanceOf(ShortName.Invalid.class, ShortName.validate("café"));
        assertEquals("The short name cannot contain special characters: \"é\".", accent.message());
    }

    @Test
    void severalProblemsAtOnce() {
        ShortName.Invalid i = assertInstanceOf(ShortName.Invalid.class, ShortName.validate("Acme Corp!"));
        assertEquals(List.of(Problem.SPACES, Problem.UPPER_CASE, Problem.SPECIAL_CHARACTERS), i.problems());
        assertEquals("The short name has no spaces in it. The short name is always in lower case. "
                + "The short name cannot contain special characters: \"!\".", i.message());
    }

    @ParameterizedTest
    @CsvSource({"-acme, HYPHEN_AT_EDGE", "acme-, HYPHEN_AT_EDGE", "a/b, SPECIAL_CHARACTERS",
            "a@b, SPECIAL_CHARACTERS", "ACME, UPPER_CASE"})
    void problems(String text, Problem problem) {
        ShortName.Invalid i = assertInstanceOf(ShortName.Invalid.class, ShortName.validate(text));
        assertTrue(i.has(problem), i::toString);
    }

    @Test
    void tooLong() {
        assertTrue(ShortName.validate("a".repeat(ShortName.MAX_LENGTH)).isValid());
        ShortName.Invalid i = assertInstanceOf(ShortName.Invalid.class,
                ShortName.validate("a".repeat(ShortName.MAX_LENGTH + 1)));
        assertEquals(List.of(Problem.TOO_LONG), i.problems());
        assertEquals("The short name is too long (101 characters; at most 100).", i.message());
    }
}
