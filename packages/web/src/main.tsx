import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { Announcer } from "./components/announcer.js";
import { installVietnameseValidation } from "./forms/validation-messages.js";
import { RouteAnnouncer } from "./router/route-announcer.js";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/status.css";
import "./styles/forms.css";
import "./styles/tables.css";
import "./styles/charts.css";
import "./styles/pages.css";
import "./styles/changes.css";
import "./styles/inbox.css";
import "./styles/notifications.css";
import "./styles/indicators.css";
import "./styles/feedback.css";
import "./styles/public.css";
import "./styles/responsive.css";
import "./styles/print.css";

installVietnameseValidation(document);

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
      <RouteAnnouncer />
      <Announcer />
    </StrictMode>,
  );
