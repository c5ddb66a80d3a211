/**
 * Ethics standards as cells really write them, by the kind of place the cell works in. Each set is
 * a pool: a cell takes most of its set, so neighbouring cells read alike but not identical.
 */
export type CriteriaSetName = 'residential' | 'school' | 'health' | 'security' | 'agency' | 'enterprise';

export const CRITERIA_SETS: Record<CriteriaSetName, string[]> = {
  residential: [
    'Tuyệt đối trung thành với Đảng, gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương.',
    'Gần dân, trọng dân, lắng nghe ý kiến của nhân dân trong tổ dân phố, thôn; giải quyết hoặc phản ánh kịp thời những việc dân cần.',
    'Gương mẫu giữ gìn vệ sinh môi trường, trật tự nơi ở; tích cực tham gia phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa".',
    'Xây dựng gia đình văn hóa: vợ chồng hòa thuận, con cháu hiếu thảo, không vi phạm pháp luật, không mắc tệ nạn xã hội.',
    'Đoàn kết, giúp đỡ nhau trong cuộc sống; quan tâm các gia đình chính sách, hộ nghèo, người già neo đơn.',
    'Tự phê bình và phê bình thẳng thắn, chân thành; nói đi đôi với làm, nói ít làm nhiều.',
    'Thực hiện tiết kiệm, chống lãng phí trong việc cưới, việc tang và lễ hội.',
    'Đóng đảng phí đầy đủ, đúng hạn; tham gia đầy đủ sinh hoạt chi bộ định kỳ và chuyên đề.',
  ],
  school: [
    'Yêu nghề, thương yêu, tôn trọng và đối xử công bằng với học sinh; không xúc phạm, bạo lực học đường dưới mọi hình thức.',
    'Gương mẫu chấp hành chủ trương của Đảng, pháp luật của Nhà nước, quy định của ngành và nội quy nhà trường.',
    'Trung thực trong giảng dạy, kiểm tra, đánh giá; không dạy thêm, học thêm trái quy định.',
    'Không ngừng học tập, tự bồi dưỡng nâng cao trình độ chuyên môn, nghiệp vụ và năng lực số.',
    'Đoàn kết, hợp tác, giúp đỡ đồng nghiệp; xây dựng môi trường giáo dục an toàn, thân thiện.',
    'Giữ gìn phong cách nhà giáo: lời nói chuẩn mực, trang phục lịch sự, là tấm gương cho học sinh noi theo.',
    'Giữ mối liên hệ chặt chẽ với cha mẹ học sinh; lắng nghe và tiếp thu ý kiến đóng góp.',
  ],
  health: [
    'Thương yêu, tôn trọng người bệnh; "Lương y phải như từ mẫu" trong mọi lời nói, việc làm.',
    'Thực hiện đúng quy chế chuyên môn, quy tắc ứng xử của ngành y tế; không gây phiền hà, không nhận phong bì.',
    'Tận tụy, trách nhiệm, sẵn sàng làm việc khi người bệnh cần, kể cả ngoài giờ và trong dịch bệnh, thiên tai.',
    'Công khai, minh bạch viện phí, thuốc và vật tư y tế; hướng dẫn tận tình cho người bệnh và người nhà.',
    'Thường xuyên học tập, cập nhật kiến thức chuyên môn; thực hành tiết kiệm thuốc, vật tư, điện, nước.',
    'Đoàn kết nội bộ, tôn trọng đồng nghiệp; tự phê bình và phê bình nghiêm túc.',
    'Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước.',
  ],
  security: [
    'Tuyệt đối trung thành với Đảng, với Tổ quốc và nhân dân; sẵn sàng nhận và hoàn thành mọi nhiệm vụ được giao.',
    'Vì nhân dân phục vụ; lễ phép, tận tụy khi tiếp xúc, giải quyết công việc của nhân dân.',
    'Nghiêm chỉnh chấp hành điều lệnh, kỷ luật; không lợi dụng chức trách, nhiệm vụ để vụ lợi.',
    'Cần, kiệm, liêm, chính, chí công vô tư; đấu tranh với biểu hiện suy thoái tư tưởng, đạo đức, lối sống.',
    'Đoàn kết, thương yêu đồng chí, đồng đội; giúp nhau cùng tiến bộ.',
    'Thường xuyên học tập, rèn luyện bản lĩnh chính trị, trình độ nghiệp vụ và sức khỏe.',
  ],
  agency: [
    'Tuyệt đối trung thành với Đảng, với Tổ quốc và nhân dân; kiên định mục tiêu độc lập dân tộc gắn liền với chủ nghĩa xã hội.',
    'Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy chế làm việc của cơ quan.',
    'Tận tụy, trách nhiệm với công việc; giải quyết hồ sơ, thủ tục đúng hạn, không gây phiền hà, sách nhiễu.',
    'Cần, kiệm, liêm, chính, chí công vô tư; không lợi dụng chức vụ, quyền hạn để trục lợi.',
    'Nói đi đôi với làm; người đứng đầu, cấp ủy viên nêu gương trước, làm trước.',
    'Văn minh công sở: lời nói, tác phong, trang phục đúng mực; đúng giờ, không uống rượu bia trong giờ làm việc.',
    'Đoàn kết, dân chủ, tôn trọng và giúp đỡ đồng nghiệp; tự phê bình và phê bình thẳng thắn, xây dựng.',
    'Thực hành tiết kiệm, chống lãng phí; tích cực chuyển đổi số trong công việc.',
  ],
  enterprise: [
    'Gương mẫu chấp hành chủ trương của Đảng, pháp luật của Nhà nước và nội quy lao động của doanh nghiệp.',
    'Trung thực, trách nhiệm; hoàn thành tốt nhiệm vụ sản xuất, kinh doanh được giao.',
    'Thực hành tiết kiệm, chống lãng phí nguyên vật liệu, năng lượng và thời gian lao động.',
    'Đoàn kết, giúp đỡ người lao động; quan tâm đời sống, quyền lợi chính đáng của người lao động.',
    'Chủ động học tập nâng cao tay nghề, năng suất, chất lượng, an toàn lao động.',
    'Giữ gìn uy tín, thương hiệu của doanh nghiệp; ứng xử văn minh với khách hàng và đối tác.',
  ],
};

const SET_BY_WORDS: Array<[CriteriaSetName, RegExp]> = [
  ['school', /truong|mam non|tieu hoc|thcs|thpt|giao duc/],
  ['health', /benh vien|y te|tram y|duoc/],
  ['security', /cong an|quan su|dan quan|canh sat|an ninh|bien phong/],
  ['enterprise', /cong ty|doanh nghiep|ngan hang|hop tac xa/],
  ['residential', /to dan pho|khu pho|thon|ap |ban |khom|khu dan cu|xom/],
];

/** The set that fits a unit, guessed from its (folded) name; offices and agencies by default. */
export function criteriaSetFor(foldedName: string): CriteriaSetName {
  return SET_BY_WORDS.find(([, words]) => words.test(foldedName))?.[0] ?? 'agency';
}
