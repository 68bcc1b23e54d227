import "./public.css";
import { BrowserRouter, Route, Routes } from "react-router";
import { CommunePage } from "./commune-page.tsx";
import { ProvinceListPage } from "./province-list-page.tsx";
import { ProvincePage } from "./province-page.tsx";
import { PublicLayout, PublicNotFound } from "./public-layout.tsx";

/**
 * The residents' pages under /cong-khai: plain React and their own style sheet, loaded as their
 * own chunk without the session check, the component library or the signed-in application.
 */
export function PublicSite() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/cong-khai" element={<ProvinceListPage />} />
        <Route path="/cong-khai/:code" element={<ProvincePage />} />
        <Route path="/cong-khai/:code/xa/:commune" element={<CommunePage />} />
        <Route
          path="*"
          element={
            <PublicLayout>
              <PublicNotFound />
            </PublicLayout>
          }
        />
      </Routes>
    </BrowserRouter>
  );
}
