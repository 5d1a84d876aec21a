import { useEffect } from "react";
import type { ReactNode } from "react";
import { homeOf, mayOpen } from "./auth/page-access.js";
import { SessionProvider, useSession, useUser } from "./auth/session.js";
import { Layout } from "./components/layout.js";
import { Loading } from "./components/feedback.js";
import { AdminPage } from "./pages/admin.page.js";
import { ChangeRequestsPage } from "./pages/change-requests.page.js";
import { DashboardPage } from "./pages/dashboard.page.js";
import { ForbiddenPage } from "./pages/forbidden.page.js";
import { ImportPage } from "./pages/import.page.js";
import { IndicatorPage } from "./indicators/indicator.page.js";
import { IndicatorValuesImportPage } from "./indicators/indicator-values-import.page.js";
import { IndicatorsPage } from "./indicators/indicators.page.js";
import { InboxPage } from "./pages/inbox.page.js";
import { LoginPage } from "./pages/login.page.js";
import { NotFoundPage } from "./pages/not-found.page.js";
import { NotificationsPage } from "./notifications/notifications.page.js";
import { PasswordPage } from "./pages/password.page.js";
import { PeriodicReportPage } from "./periodic-report/periodic-report.page.js";
import { PlanPage } from "./pages/plan.page.js";
import { PlansPage } from "./pages/plans.page.js";
import { ReportFormPage } from "./pages/report-form.page.js";
import { LinksPage } from "./pages/links.page.js";
import { ReviewPage } from "./pages/review.page.js";
import { ScorecardsPage } from "./pages/scorecards.page.js";
import { SignoffPage } from "./signoff/signoff.page.js";
import { TaskPage } from "./pages/task.page.js";
import { TasksPage } from "./pages/tasks.page.js";
import { matchPath, navigate, useLocation } from "./router/router.js";
import { PublicLayout } from "./public/public-layout.js";
import { FeedbackFormPage } from "./feedback/feedback-form.page.js";
import { FeedbackTrackPage } from "./feedback/feedback-track.page.js";
import { FeedbackHandlingPage } from "./feedback/feedback-handling.page.js";
import { FeedbackQueuePage } from "./feedback/feedback-queue.page.js";
import { PublicPlanPage } from "./public/public-plan.page.js";
import { PublicPlansPage } from "./public/public-plans.page.js";

type Route = {
  pattern: string;
  render: (params: Record<string, string>) => ReactNode;
  title: string;
};

const ROUTES: Route[] = [
  { pattern: "/", title: "Tổng quan", render: () => <DashboardPage /> },
  { pattern: "/tong-quan", title: "Tổng quan", render: () => <DashboardPage /> },
  { pattern: "/danh-gia", title: "Đánh giá đơn vị", render: () => <ScorecardsPage /> },
  { pattern: "/bao-cao-dinh-ky", title: "Báo cáo định kỳ", render: () => <PeriodicReportPage /> },
  { pattern: "/ke-hoach", title: "Kế hoạch", render: () => <PlansPage /> },
  { pattern: "/ke-hoach/:id", title: "Kế hoạch", render: (p) => <PlanPage id={p.id ?? ""} /> },
  { pattern: "/nhiem-vu", title: "Nhiệm vụ của mọi kế hoạch", render: () => <TasksPage /> },
  { pattern: "/nhiem-vu/:id", title: "Nhiệm vụ", render: (p) => <TaskPage id={p.id ?? ""} /> },
  { pattern: "/chi-tieu", title: "Chỉ tiêu", render: () => <IndicatorsPage /> },
  {
    pattern: "/chi-tieu/nhap-gia-tri",
    title: "Nhập giá trị chỉ tiêu",
    render: () => <IndicatorValuesImportPage />,
  },
  { pattern: "/chi-tieu/:id", title: "Chỉ tiêu", render: (p) => <IndicatorPage id={p.id ?? ""} /> },
  {
    pattern: "/nhiem-vu/:id/bao-cao",
    title: "Báo cáo tiến độ",
    render: (p) => <ReportFormPage taskId={p.id ?? ""} />,
  },
  { pattern: "/don-vi", title: "Việc của đơn vị", render: () => <InboxPage /> },
  {
    pattern: "/de-xuat",
    title: "Đề xuất điều chỉnh",
    render: () => <ChangeRequestsPage />,
  },
  { pattern: "/ky-duyet", title: "Chờ ký duyệt", render: () => <SignoffPage /> },
  { pattern: "/duyet", title: "Duyệt báo cáo", render: () => <ReviewPage /> },
  { pattern: "/lien-ket", title: "Liên kết nhiệm vụ", render: () => <LinksPage /> },
  { pattern: "/nhap", title: "Nhập kế hoạch", render: () => <ImportPage /> },
  { pattern: "/quan-tri", title: "Quản trị", render: () => <AdminPage /> },
  { pattern: "/xu-ly-gop-y", title: "Góp ý, phản ánh", render: () => <FeedbackQueuePage /> },
  {
    pattern: "/xu-ly-gop-y/:id",
    title: "Xử lý góp ý",
    render: (p) => <FeedbackHandlingPage id={p.id ?? ""} />,
  },
  { pattern: "/thong-bao", title: "Thông báo", render: () => <NotificationsPage /> },
  { pattern: "/mat-khau", title: "Đổi mật khẩu", render: () => <PasswordPage /> },
];

/** Sends a user who opens the bare address to the page their role starts on. */
function GoHome({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading />;
}

function CurrentPage() {
  const { path, query } = useLocation();
  const user = useUser();
  if (path === "/" && query.size === 0 && homeOf(user.role) !== "/")
    return <GoHome to={homeOf(user.role)} />;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params) {
      document.title = `${route.title} · Giám sát`;
      if (!mayOpen(user.role, route.pattern)) return <ForbiddenPage title={route.title} />;
      return <>{route.render(params)}</>;
    }
  }
  return <NotFoundPage />;
}

function Gate() {
  const { state } = useSession();
  if (state.status === "loading") return <Loading />;
  if (state.status === "anonymous") return <LoginPage expired={state.expired} />;
  return (
    <Layout>
      <CurrentPage />
    </Layout>
  );
}

/** The public feedback pages (`/gop-y`, `/gop-y/:code`): no account. */
function FeedbackPages() {
  const { path } = useLocation();
  const params = matchPath("/gop-y/:code", path);
  document.title = "Góp ý · Giám sát";
  return (
    <PublicLayout>
      {params?.code ? <FeedbackTrackPage code={params.code} /> : <FeedbackFormPage />}
    </PublicLayout>
  );
}

/** The public pages (`/cong-khai`): no account, no session asked for. */
function PublicPages() {
  const { path } = useLocation();
  const params = matchPath("/cong-khai/:id", path);
  document.title = "Công khai · Giám sát";
  return (
    <PublicLayout>
      {params?.id ? <PublicPlanPage id={params.id} /> : <PublicPlansPage />}
    </PublicLayout>
  );
}

export function App() {
  const { path } = useLocation();
  if (path === "/cong-khai" || path.startsWith("/cong-khai/")) return <PublicPages />;
  if (path === "/gop-y" || path.startsWith("/gop-y/")) return <FeedbackPages />;
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}
