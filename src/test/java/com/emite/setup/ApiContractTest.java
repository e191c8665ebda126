package com.emite.setup;

import com.emite.setup.contract.ApiContract;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiContractTest {
    @Test
    void searchPageSizeNeverExceedsReferenceLimit() {
        assertTrue(ApiContract.MAX_SEARCH_PAGE_SIZE <= 100);
        assertTrue(ApiContract.MAX_PAGE_SIZE_DIVISION_GRANTS >= ApiContract.MAX_PAGE_SIZE);
    }
}
