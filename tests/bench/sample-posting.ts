/**
 * A realistic ~2 KB (UTF-8) job posting, mixed Chinese and English, for the extraction benchmark.
 * It is fixed text, not taken from the labelled evaluation set, so the figure does not move when
 * that set changes.
 */
export const SAMPLE_POSTING = `【岗位名称】智能制造产线运维工程师（无人机巡检方向）
【工作地点】广东省深圳市南山区，可接受短期出差
【岗位职责】
1. 负责产线设备的日常巡检、故障排查与维护保养，熟练使用PLC编程进行设备调试，能阅读电气图纸；
2. 使用多旋翼无人机对厂区及光伏板进行巡检，完成航拍数据采集、数据标注与数据录入，配合算法团队进行数据分析；
3. 操作数控机床和叉车完成物料转运（需持有叉车操作证），协助焊接、钳工等班组完成工装改造；
4. 编写Python脚本实现巡检报表自动化，使用Excel和SQL整理设备台账，定期输出月度运维报告。
【任职要求】
1. 中专及以上学历，机电一体化、电气自动化、无人机应用技术等相关专业优先；
2. 持有民用无人机驾驶员执照（CAAC执照）者优先，具备电工证（高级工）者优先；
3. 熟悉工业自动化控制系统，了解CNC加工工艺，会开叉车；
4. 吃苦耐劳，有团队合作精神，能适应倒班。
Requirements (for international applicants):
- Proficient in PLC programming and industrial automation; hands-on experience with drone piloting and drone mapping.
- Working knowledge of Python, SQL and Microsoft Excel; data labelling or data entry experience is a plus.
- Certified forklift driver; basic welding skills; good communication and teamwork.
【薪资福利】月薪8000-12000元，五险一金，带薪年假，提供员工宿舍和工作餐，表现优秀者可参加公司组织的技师、高级技师技能等级认定培训。
【公司介绍】我们是一家专注于智能制造与低空经济融合应用的高新技术企业，业务覆盖工业机器人集成、无人机巡检服务和数字化工厂解决方案。
We offer competitive pay, five social insurances and one housing fund, paid training and a clear promotion path. Fresh graduates are welcome; please send your CV to hr@example.com.`;
